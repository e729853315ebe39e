// The origins this server answers as (RONTEN_ORIGIN), and the checks built on them: a request
// whose Host is not one of them is refused (DNS rebinding: a hostile page on evil.example, made
// to resolve to 127.0.0.1, sends Host: evil.example), and a mutation's Origin must be one of
// them exactly (scheme, host and port) — never compared with the request's own Host, which the
// sender chooses.
//
// RONTEN_ORIGIN: comma-separated origins, `http(s)://host[:port]` without a path, e.g.
// `https://ronten.school.example`. Default: the address `npm start` listens on,
// http://127.0.0.1:$PORT and http://localhost:$PORT (PORT defaults to 3000). A malformed value
// throws at start (instrumentation.ts), with a message saying what is expected.
// SERVER ONLY (reads process.env).

export interface Origins {
  /// Normalized origins (`new URL(o).origin`), in the order given.
  readonly list: readonly string[];
}

export function parseOrigins(value: string | undefined, port: string | undefined): Origins {
  const raw = (value ?? '').trim();
  const p = (port ?? '').trim() || '3000';
  const entries = raw ? raw.split(',').map((s) => s.trim()).filter(Boolean) : [`http://127.0.0.1:${p}`, `http://localhost:${p}`];
  const list = entries.map((entry) => {
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new Error(`RONTEN_ORIGIN: "${entry}" is not an origin (expected e.g. https://ronten.school.example)`);
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
      throw new Error(`RONTEN_ORIGIN: "${entry}" is not an origin: use http(s)://host[:port], without a path`);
    }
    return url.origin;
  });
  return { list };
}

let cached: { key: string; origins: Origins } | null = null;

/// The configured origins (re-read when RONTEN_ORIGIN or PORT change, as tests do).
export function serverOrigins(): Origins {
  const key = `${process.env.RONTEN_ORIGIN ?? ''}\n${process.env.PORT ?? ''}`;
  if (cached?.key !== key) cached = { key, origins: parseOrigins(process.env.RONTEN_ORIGIN, process.env.PORT) };
  return cached.origins;
}

/// Whether a Host header names this server. Compared as `URL` normalizes it (lower case, the
/// scheme's default port dropped), so `LOCALHOST:3000` passes and `localhost:3000.` does not.
export function hostAllowed(host: string | null, origins: Origins = serverOrigins()): boolean {
  if (!host) return false;
  for (const scheme of new Set(origins.list.map((o) => new URL(o).protocol))) {
    try {
      const url = new URL(`${scheme}//${host}`);
      const bare = url.pathname === '/' && !url.username && !url.password && !url.search && !url.hash && !/[/?#@]/.test(host);
      if (bare && origins.list.includes(url.origin)) return true;
    } catch {
      // not a host at all
    }
  }
  return false;
}

/// Whether an Origin (or a Referer's origin) is one of this server's.
export function originAllowed(source: string, origins: Origins = serverOrigins()): boolean {
  try {
    return origins.list.includes(new URL(source).origin);
  } catch {
    return false; // "null" (sandboxed frames, file:) does not parse
  }
}

/// Whether the origin a Host belongs to is https (then cookies are Secure).
export function hostIsHttps(host: string | null, origins: Origins = serverOrigins()): boolean {
  if (!host) return false;
  try {
    return origins.list.includes(new URL(`https://${host}`).origin);
  } catch {
    return false;
  }
}

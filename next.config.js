// kuromoji reads its dictionary from disk with __dirname-relative paths, which bundling breaks;
// keeping it (and the native SQLite/PostgreSQL drivers) external leaves them as plain requires.
/** @type {import('next').NextConfig} */
module.exports = {
  serverExternalPackages: ['kuromoji', 'better-sqlite3', 'pg'],
  poweredByHeader: false,
  experimental: {
    // Next hands a route only the first 10 MB of a body when a proxy (proxy.ts) runs, silently:
    // a map import may be 16 MiB (BODY_LIMITS.mapImport in app/_shared/http.ts), so let a little
    // more through for the route to refuse with 413 itself.
    proxyClientMaxBodySize: 17 * 1024 * 1024,
  },
};

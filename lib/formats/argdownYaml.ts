// The data blocks of Argdown (`{isInMap: false, title: Foo, uses: [1, 2]}`): YAML, which
// @argdown/core loads with js-yaml. A small strict reader of the part of YAML people write
// there, for ./argdownRead.ts — no dependency (js-yaml is not one of ours).
//
// Read: a flow mapping `{…}` of flow nodes — nested flow mappings and sequences, double-quoted
// strings (JSON's escapes and YAML's), single-quoted strings (`''` is a quote), plain scalars
// resolved as YAML 1.2's core schema does (null, booleans, decimal/octal/hex integers, floats,
// .inf/.nan; anything else a string), `#` comments, line breaks inside (folded to a space in
// strings). JSON is such a mapping, so our own export's data reads as JSON would. Also Argdown's
// block format: a block that opens with `{` and a line break is a YAML block mapping
// (DataPlugin's switchToBlockFormatIfMultiline), read here when each line is `key: flow node`.
//
// Refused (the caller leaves the block out and reports `near`, where reading stopped): anchors,
// aliases, tags, complex keys, nested block collections and block scalars, duplicate keys,
// anything after the closing brace, and every syntax error. js-yaml reads a plain scalar that
// looks like a date as a Date; it stays a string here (no field the reader uses is a date).
export type YamlValue = null | boolean | number | string | YamlValue[] | { [key: string]: YamlValue };

export type YamlResult = { ok: true; value: Record<string, YamlValue> } | { ok: false; near: string };

class YamlError extends Error {
  constructor(readonly at: number) {
    super('yaml');
  }
}

const FLOW_INDICATOR = /[,[\]{}]/;
const WHITE_RUN = /[ \t]*(?:(?:\r\n|\n|\r)[ \t]*)*/y;
/// Runs of characters that need no look: inside double quotes, in a plain scalar.
const QUOTED_RUN = /[^"\\\n\r \t]+/y;
const PLAIN_RUN = /[^,[\]{}:#]*/y;
const ESCAPES: Record<string, string> = { '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029' };

/// A flow-node reader over `s` from `i`; each function returns the index after what it read.
function flowReader(s: string) {
  const fail = (at: number): never => {
    throw new YamlError(at);
  };
  /// Skips white space, line breaks and comments (`#` after white space or at a line start).
  const skip = (i: number): number => {
    for (;;) {
      while (i < s.length && /\s/.test(s[i])) i++;
      if (s[i] === '#' && (i === 0 || /\s/.test(s[i - 1]))) {
        while (i < s.length && s[i] !== '\n' && s[i] !== '\r') i++;
        continue;
      }
      return i;
    }
  };
  /// YAML's line folding: one line break is a space, n breaks are n − 1 newlines.
  const fold = (raw: string) => raw.replace(/[ \t]*(?:(?:\r\n|\n|\r)[ \t]*)+/g, (m) => {
    const breaks = (m.match(/\r\n|\n|\r/g) ?? []).length;
    return breaks === 0 ? m : breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
  });

  const doubleQuoted = (i: number): [string, number] => {
    let out = '';
    let k = i + 1;
    let pending = '';
    while (k < s.length && s[k] !== '"') {
      const c = s[k];
      if (c === '\\') {
        const e = s[k + 1];
        const width = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
        out += pending;
        pending = '';
        if (width) {
          const hex = s.slice(k + 2, k + 2 + width);
          if (!new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex)) fail(k);
          const code = parseInt(hex, 16);
          if (code > 0x10ffff) fail(k);
          out += String.fromCodePoint(code);
          k += 2 + width;
        } else if (e === '\n' || e === '\r') {
          // An escaped line break joins the lines without a space.
          k += e === '\r' && s[k + 2] === '\n' ? 3 : 2;
          while (s[k] === ' ' || s[k] === '\t') k++;
        } else if (e !== undefined && Object.hasOwn(ESCAPES, e)) {
          out += ESCAPES[e];
          k += 2;
        } else fail(k);
      } else if (c === '\n' || c === '\r' || c === ' ' || c === '\t') {
        // White space is kept unless a line break follows it (then the lines fold).
        WHITE_RUN.lastIndex = k;
        const m = WHITE_RUN.exec(s)![0];
        const breaks = (m.match(/\r\n|\n|\r/g) ?? []).length;
        pending += breaks === 0 ? m : breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
        k += m.length;
      } else {
        QUOTED_RUN.lastIndex = k;
        const run = QUOTED_RUN.exec(s)![0];
        out += pending + run;
        pending = '';
        k += run.length;
      }
    }
    if (k >= s.length) fail(i);
    return [out + pending, k + 1];
  };

  const singleQuoted = (i: number): [string, number] => {
    let raw = '';
    let k = i + 1;
    for (;;) {
      const quote = s.indexOf("'", k);
      if (quote < 0) fail(i);
      raw += s.slice(k, quote);
      if (s[quote + 1] !== "'") {
        k = quote;
        break;
      }
      raw += "'";
      k = quote + 2;
    }
    return [fold(raw), k + 1];
  };

  /// A plain scalar in flow context: up to `,`, a bracket, `: `, or ` #`.
  const plain = (i: number): [string, number] => {
    const c = s[i];
    if (c === undefined || /[[\]{},#&*!|>'"%@`]/.test(c) || ((c === '-' || c === '?' || c === ':') && /[\s,[\]{}]/.test(s[i + 1] ?? ' '))) fail(i);
    let k = i;
    while (k < s.length) {
      PLAIN_RUN.lastIndex = k;
      k += PLAIN_RUN.exec(s)![0].length;
      const d = s[k];
      if (d === undefined || FLOW_INDICATOR.test(d)) break;
      if (d === ':' && (k + 1 >= s.length || /[\s,[\]{}]/.test(s[k + 1]))) break;
      if (d === '#' && /\s/.test(s[k - 1])) break;
      k++;
    }
    return [fold(s.slice(i, k)).trim(), k];
  };

  const resolve = (raw: string): YamlValue => {
    if (/^(?:null|Null|NULL|~)?$/.test(raw)) return null;
    if (/^(?:true|True|TRUE)$/.test(raw)) return true;
    if (/^(?:false|False|FALSE)$/.test(raw)) return false;
    if (/^[-+]?[0-9]+$/.test(raw)) return Number(raw);
    if (/^0o[0-7]+$/.test(raw)) return parseInt(raw.slice(2), 8);
    if (/^0x[0-9a-fA-F]+$/.test(raw)) return parseInt(raw.slice(2), 16);
    if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(raw)) return Number(raw);
    if (/^[-+]?\.(?:inf|Inf|INF)$/.test(raw)) return raw.startsWith('-') ? -Infinity : Infinity;
    if (/^\.(?:nan|NaN|NAN)$/.test(raw)) return NaN;
    return raw;
  };

  const scalar = (i: number): [YamlValue, number] => {
    if (s[i] === '"') return doubleQuoted(i);
    if (s[i] === "'") return singleQuoted(i);
    const [raw, k] = plain(i);
    return [resolve(raw), k];
  };

  const node = (i: number): [YamlValue, number] => {
    if (s[i] === '{') return mapping(i);
    if (s[i] === '[') return sequence(i);
    return scalar(i);
  };

  const mapping = (i: number): [Record<string, YamlValue>, number] => {
    const out: Record<string, YamlValue> = {};
    let k = skip(i + 1);
    while (s[k] !== '}') {
      if (k >= s.length) fail(i);
      const keyAt = k;
      if (s[k] === '{' || s[k] === '[' || s[k] === '?') fail(k);
      const quoted = s[k] === '"' || s[k] === "'";
      const [key, afterKey] = scalar(k);
      k = skip(afterKey);
      let value: YamlValue = null;
      if (s[k] === ':' && (quoted || /[\s,[\]{}]/.test(s[k + 1] ?? ' '))) {
        k = skip(k + 1);
        if (s[k] !== ',' && s[k] !== '}') [value, k] = node(k);
        k = skip(k);
      }
      const name = key === null ? 'null' : String(key);
      if (Object.hasOwn(out, name)) fail(keyAt);
      out[name] = value;
      if (s[k] === ',') k = skip(k + 1);
      else if (s[k] !== '}') fail(k);
    }
    return [out, k + 1];
  };

  const sequence = (i: number): [YamlValue[], number] => {
    const out: YamlValue[] = [];
    let k = skip(i + 1);
    while (s[k] !== ']') {
      if (k >= s.length) fail(i);
      const [value, after] = node(k);
      // `[a: 1]` is a one-pair mapping in YAML: not read.
      k = skip(after);
      if (s[k] === ':') fail(k);
      out.push(value);
      if (s[k] === ',') k = skip(k + 1);
      else if (s[k] !== ']') fail(k);
    }
    return [out, k + 1];
  };

  return { skip, node, mapping };
}

/// Argdown's block format: `key: flow node` lines at one indentation. `offset`: where `body`
/// starts in the block (for the error's position).
function blockMapping(body: string, offset: number): Record<string, YamlValue> {
  const out: Record<string, YamlValue> = {};
  let indent: number | null = null;
  let at = offset;
  for (const line of body.split(/(?<=\n|\r(?!\n))/)) {
    const start = at;
    at += line.length;
    const text = line.replace(/\r?\n$|\r$/, '');
    if (/^\s*(?:#.*)?$/.test(text)) continue;
    const lead = /^[ \t]*/.exec(text)![0].length;
    indent ??= lead;
    if (lead !== indent) throw new YamlError(start + lead);
    const key = /^(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"[\]{},&*!|>%@`?-][^:#]*?)[ \t]*:(?=[ \t]|$)/.exec(text.slice(lead));
    if (!key) throw new YamlError(start + lead);
    const keyText = key[0].slice(0, key[0].lastIndexOf(':')).trim();
    const name = keyText.startsWith('"') || keyText.startsWith("'") ? String(flowReader(keyText).node(0)[0]) : keyText;
    if (Object.hasOwn(out, name)) throw new YamlError(start + lead);
    // The value is a flow node on the rest of this line (a plain scalar must not run on).
    const valueStart = start + lead + key[0].length;
    const rest = text.slice(lead + key[0].length);
    const reader = flowReader(rest);
    const from = reader.skip(0);
    if (from >= rest.length) {
      // `key:` alone is null, unless deeper lines follow (a nested collection: refused by the
      // next line's indentation).
      out[name] = null;
      continue;
    }
    try {
      const [value, after] = reader.node(from);
      if (reader.skip(after) !== rest.length) throw new YamlError(after);
      out[name] = value;
    } catch (e) {
      throw e instanceof YamlError ? new YamlError(valueStart + e.at) : e;
    }
  }
  return out;
}

/// Reads one data block (`{` … `}` as Argdown's lexer delimits it).
export function readYamlData(block: string): YamlResult {
  const near = (at: number) => block.slice(at, at + 24).replace(/\s+/g, ' ').trim() || block.slice(Math.max(0, at - 24)).replace(/\s+/g, ' ').trim();
  try {
    const blockFormat = /^\{[ \t]*(?:\r\n|\n|\r)/.exec(block);
    if (blockFormat && /\}\s*$/.test(block)) {
      const end = block.lastIndexOf('}');
      return { ok: true, value: blockMapping(block.slice(blockFormat[0].length, end), blockFormat[0].length) };
    }
    const reader = flowReader(block);
    const [value, after] = reader.mapping(0);
    if (reader.skip(after) !== block.length) throw new YamlError(after);
    return { ok: true, value };
  } catch (e) {
    if (e instanceof YamlError) return { ok: false, near: near(e.at) };
    throw e;
  }
}

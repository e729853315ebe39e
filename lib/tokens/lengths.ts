// A list of positive integers, mostly small, as a string of one character each: token lengths
// (spans.ts) and phrase sizes in tokens (phrases.ts, stored in PackedTokens.phrases). Lengths
// 1–63 are one base64url digit; longer ones, rare, an escape. Pure.
//
// Invariant: decodeLengths(encodeLengths(xs)) equals xs for every list of positive integers.

const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/// Starts a length of 64 or more, written in base 36 up to the next END.
const ESCAPE = '~';
const END = '.';

/// One character per token length (see the header); lengths must be positive integers.
export function encodeLengths(lengths: readonly number[]): string {
  let out = '';
  for (const n of lengths) {
    if (!Number.isInteger(n) || n <= 0) throw new Error(`encodeLengths: ${n} is not a token length`);
    out += n < DIGITS.length ? DIGITS[n] : `${ESCAPE}${n.toString(36)}${END}`;
  }
  return out;
}

/// The lengths encodeLengths wrote; throws on anything it would not write.
export function decodeLengths(encoded: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < encoded.length; i++) {
    const c = encoded[i];
    if (c === ESCAPE) {
      const end = encoded.indexOf(END, i + 1);
      const n = end < 0 ? NaN : parseInt(encoded.slice(i + 1, end), 36);
      if (!(n >= DIGITS.length) || !/^[0-9a-z]+$/.test(encoded.slice(i + 1, end))) {
        throw new Error(`decodeLengths: bad escape at ${i}`);
      }
      out.push(n);
      i = end;
      continue;
    }
    const n = DIGITS.indexOf(c);
    if (n <= 0) throw new Error(`decodeLengths: unexpected ${JSON.stringify(c)} at ${i}`);
    out.push(n);
  }
  return out;
}


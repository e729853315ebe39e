// Conversion between the two offset units Ronten uses.
//
// Inside TypeScript every offset is a UTF-16 code-unit index (a JS string index); every
// export speaks Unicode code points, so that Python's `text[start:end]` and brat tooling see
// the same spans. The two differ only after characters outside the BMP (𠮷, 𩸽, emoji), which
// take two code units and one code point.
//
// Invariants and edge behaviour:
// - Offsets are integers in [0, length]; anything else is a RangeError, never a clamp, so a
//   stale offset from another text version fails loudly instead of shifting a span.
// - A UTF-16 offset between the two halves of a surrogate pair names no code point boundary:
//   RangeError. (Silently rounding would make `quote` differ between the two units.)
// - A lone surrogate (not valid Unicode, but possible in a JS string) counts as one code
//   point, as `Array.from` and `for…of` count it. canonicalize() never leaves one behind.
// - toUtf16Offset(text, toCodePointOffset(text, i)) === i for every boundary i, and vice versa.

/// A converter bound to one text, for bulk work (exports of thousands of units).
/// Built in O(n) once; each lookup is O(log p), p = number of surrogate pairs (O(1) for
/// BMP-only texts, which are most Japanese essays).
export interface OffsetConverter {
  readonly utf16Length: number;
  readonly codePointLength: number;
  toCodePoint(utf16Offset: number): number;
  toUtf16(codePointOffset: number): number;
  isBoundary(utf16Offset: number): boolean;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

function checkOffset(fn: string, offset: number, max: number, unit: string): void {
  if (!Number.isInteger(offset) || offset < 0 || offset > max) {
    throw new RangeError(`${fn}: ${unit} offset ${offset} is out of range [0, ${max}]`);
  }
}

function insidePair(text: string, utf16Offset: number): boolean {
  return (
    utf16Offset > 0 &&
    utf16Offset < text.length &&
    isHighSurrogate(text.charCodeAt(utf16Offset - 1)) &&
    isLowSurrogate(text.charCodeAt(utf16Offset))
  );
}

function midPairError(fn: string, text: string, utf16Offset: number): RangeError {
  const ch = text.slice(utf16Offset - 1, utf16Offset + 1);
  const hex = ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return new RangeError(
    `${fn}: UTF-16 offset ${utf16Offset} falls inside the surrogate pair of U+${hex} ` +
      `"${ch}" (code units ${utf16Offset - 1}–${utf16Offset + 1}); ` +
      `use ${utf16Offset - 1} or ${utf16Offset + 1}`,
  );
}

/// Surrogate pairs' first code-unit indices, ascending.
function pairStarts(text: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
      starts.push(i);
      i++;
    }
  }
  return starts;
}

/// Number of code points in `text` (lone surrogates count one each, as string iteration does).
/// No allocation: documents, tokens and exports call it on every span.
export function codePointLength(text: string): number {
  let n = text.length;
  for (let i = 0; i + 1 < text.length; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
      n--;
      i++;
    }
  }
  return n;
}

/// True when `utf16Offset` is in [0, text.length] and not inside a surrogate pair.
export function isCodePointBoundary(text: string, utf16Offset: number): boolean {
  return (
    Number.isInteger(utf16Offset) &&
    utf16Offset >= 0 &&
    utf16Offset <= text.length &&
    !insidePair(text, utf16Offset)
  );
}

/// The code-point offset of UTF-16 offset `utf16Offset` in `text`.
/// @throws RangeError when out of [0, text.length] or inside a surrogate pair.
export function toCodePointOffset(text: string, utf16Offset: number): number {
  checkOffset('toCodePointOffset', utf16Offset, text.length, 'UTF-16');
  if (insidePair(text, utf16Offset)) throw midPairError('toCodePointOffset', text, utf16Offset);
  let pairs = 0;
  for (let i = 0; i < utf16Offset - 1; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
      pairs++;
      i++;
    }
  }
  return utf16Offset - pairs;
}

/// The UTF-16 offset of code-point offset `codePointOffset` in `text`.
/// @throws RangeError when out of [0, codePointLength(text)].
export function toUtf16Offset(text: string, codePointOffset: number): number {
  const outOfRange = () =>
    new RangeError(
      `toUtf16Offset: code point offset ${codePointOffset} is out of range ` +
        `[0, ${codePointLength(text)}]`,
    );
  if (!Number.isInteger(codePointOffset) || codePointOffset < 0) throw outOfRange();
  let i = 0;
  let cp = 0;
  while (cp < codePointOffset && i < text.length) {
    i += isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
    cp++;
  }
  if (cp < codePointOffset) throw outOfRange();
  return i;
}

/// Count of entries in ascending `values` that are < `limit`.
function countBelow(values: ArrayLike<number>, limit: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/// A converter for repeated lookups on one text; see OffsetConverter.
export function makeOffsetConverter(text: string): OffsetConverter {
  const starts = pairStarts(text);
  const utf16Length = text.length;
  const cpLength = utf16Length - starts.length;
  // Code-point index of each pair's character; ascending because starts are.
  const cpStarts = starts.map((s, j) => s - j);
  const bmpOnly = starts.length === 0;

  return {
    utf16Length,
    codePointLength: cpLength,
    toCodePoint(utf16Offset) {
      checkOffset('toCodePoint', utf16Offset, utf16Length, 'UTF-16');
      if (bmpOnly) return utf16Offset;
      const before = countBelow(starts, utf16Offset);
      if (before > 0 && starts[before - 1] === utf16Offset - 1) {
        throw midPairError('toCodePoint', text, utf16Offset);
      }
      return utf16Offset - before;
    },
    toUtf16(codePointOffset) {
      checkOffset('toUtf16', codePointOffset, cpLength, 'code point');
      if (bmpOnly) return codePointOffset;
      return codePointOffset + countBelow(cpStarts, codePointOffset);
    },
    isBoundary(utf16Offset) {
      if (!Number.isInteger(utf16Offset) || utf16Offset < 0 || utf16Offset > utf16Length) {
        return false;
      }
      const before = countBelow(starts, utf16Offset);
      return !(before > 0 && starts[before - 1] === utf16Offset - 1);
    },
  };
}

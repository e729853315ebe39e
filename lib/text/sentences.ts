// Where the sentences and paragraphs of a canonical text start: the stops of the editor's
// sentence and paragraph caret moves (Ctrl+←/→, Ctrl+↑/↓).
//
// A sentence ends after a run of terminators — 。！？ and their half-width forms ｡!? — together
// with any closing brackets or quotes right after them (」』）】〕〉》］”’｣ and ASCII ) ]), so
// 「そうだ。」 ends after the 」. A line break (a paragraph end) also ends a sentence. A sentence
// starts at its first character that is not white space (spaces, U+3000, line breaks).
//
// Invariants: offsets are UTF-16 indices into `text`, strictly increasing, each < text.length
// and never inside a surrogate pair (every terminator, bracket and space is a BMP character,
// and cuts fall only just after one). A text of only white space has no sentences. Not
// recognised as ends, on purpose: ． and ASCII '.' (decimals such as 3.5, abbreviations), and
// …/―― (they trail off mid-sentence as often as they end one).
//
// Pure: no DOM.

const TERMINATORS = new Set(['。', '｡', '！', '!', '？', '?']);
const CLOSERS = new Set(['」', '』', '）', ')', '】', '〕', '〉', '》', '］', ']', '”', '’', '｣', '〙', '〗']);
const isSpace = (c: string) => c === '\n' || c === ' ' || c === '\u3000' || c === '\t';

/// Offsets where each sentence starts (see the header for what ends one).
export function sentenceStarts(text: string): number[] {
  const starts: number[] = [];
  let atStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (isSpace(c)) {
      if (c === '\n') atStart = true;
      continue;
    }
    if (atStart) {
      starts.push(i);
      atStart = false;
    }
    if (!TERMINATORS.has(c)) continue;
    // The whole run of terminators and the closers after it belong to this sentence.
    while (i + 1 < text.length && TERMINATORS.has(text[i + 1])) i++;
    while (i + 1 < text.length && CLOSERS.has(text[i + 1])) i++;
    atStart = true;
  }
  return starts;
}

/// Offsets where each paragraph (a line of the canonical text) starts, at its first character
/// that is not white space; blank lines have none.
export function paragraphStarts(text: string): number[] {
  const starts: number[] = [];
  let atStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') atStart = true;
    else if (atStart && !isSpace(c)) {
      starts.push(i);
      atStart = false;
    }
  }
  return starts;
}

// Phrases (文節, bunsetsu): the morphemes grouped as a Japanese reader groups them — one content
// word with the function words and suffixes that follow it. Selections snap to phrases by default
// (a drag ending inside 多かった takes 多かった, not 多かっ), the caret steps by phrase, and
// `cli tokens --phrases` prints them. Pure; linear in the number of tokens (one pass, constant
// work a token), so it runs when a text is tokenized and its result is stored with the packed
// tokens (wire.ts), never on a page view.
//
// Invariants: phraseSizes(tokens) are positive and sum to tokens.length, so the phrases cover the
// tokens (and so the text) contiguously; every phrase boundary is a token boundary. Agreement,
// the heat map and unit offsets stay at morpheme level: a phrase is only a snapping and caret
// unit, never stored in a map.
//
// The rules (IPADIC tags as kuromoji gives them), token by token — a token JOINS the phrase
// before it when:
// 1. it is a function word: 助詞, 助動詞 (振り返って|みる is one phrase by rule 3, 多かった by this);
// 2. it is a suffix: pos_detail 接尾 of a noun, verb or adjective (2020年, 結論づけられ, 限定的);
// 3. it is a 非自立 verb or adjective (〜てみる, 〜ている, 〜やすい); 非自立 NOUNS (もの, こと) are
//    formal nouns and head their own phrase (ことが|できる), as in KNP;
// 4. it is する/できる right after a サ変 noun (承認して, 利用できる);
// 5. it is a noun and the phrase so far ends in a noun, a noun suffix, a prefix or a joining
//    mark (・ ＝ ‐): compound nouns and numbers stay whole (新型コロナウイルス感染症, 3月末,
//    アレクセイ・ナヴァルヌイ), also across ONE run of half-width spaces when either side is not
//    ASCII (the PDF's "スプートニク V", "8月 11日"; English words keep apart);
// 6. it is punctuation or a closing bracket (、。）」), or whitespace other than a line break
//    start (trailing spaces and line breaks end the phrase before them);
// 7. the phrase so far holds only opening brackets and prefixes (「スプートニク V」を, お話):
//    an opening bracket or a prefix (接頭詞) starts a phrase that the next word completes.
// Every other token starts a phrase, and so does any word after a line break or 。 (a phrase
// never runs from one sentence or paragraph into the next; the line break itself, spaces and a
// closing bracket after 。 end the phrase before them). Unknown words (kuromoji's guesses:
// 名詞 for katakana/latin runs, 記号 for symbols) follow the same rules; a 記号 that is a letter
// (𠮷, a kanji outside the BMP) counts as a noun.

/// What the rules read of a token.
export interface PhraseToken {
  surface: string;
  pos: string;
  posDetail: string;
  basicForm: string;
}

/// A phrase: token indices [first, last] and its offsets (UTF-16 and code points), as the CLI
/// prints it.
export interface Phrase {
  start: number;
  end: number;
  cpStart: number;
  cpEnd: number;
}

const JOINING_MARKS = new Set(['・', '＝', '=', '‐', '－', '-', '･']);
const ASCII = /^[\x00-\x7f]*$/;
const LINE_BREAK = /[\n\r\u2028\u2029]/;
const LETTER = /^[\p{L}\p{N}]/u;

type Kind =
  | 'content' // heads a phrase
  | 'function' // joins (rules 1–3)
  | 'nounish' // a noun: joins a noun run (rule 5), else heads
  | 'suffix' // noun suffix: joins, and continues a noun run
  | 'prefix' // 接頭詞: opens a phrase (rule 7)
  | 'open' // opening bracket: opens a phrase
  | 'close' // punctuation, closing bracket: joins
  | 'joiner' // ・ between nouns: joins, continues a noun run
  | 'space' // half-width spaces: joins, may bridge a noun run
  | 'break' // line breaks and 。: join, and end the phrase
  | 'suru'; // する/できる: joins after a サ変 noun

function kindOf(t: PhraseToken): Kind {
  const detail = t.posDetail;
  switch (t.pos) {
    case '助詞':
    case '助動詞':
      return 'function';
    case '接頭詞':
      return 'prefix';
    case '名詞':
      if (detail.startsWith('接尾')) return 'suffix';
      if (detail.startsWith('非自立')) return 'content';
      return 'nounish';
    case '動詞':
      if (detail.startsWith('接尾') || detail.startsWith('非自立')) return 'function';
      if (t.basicForm === 'する' || t.basicForm === 'できる') return 'suru';
      return 'content';
    case '形容詞':
      return detail.startsWith('接尾') || detail.startsWith('非自立') ? 'function' : 'content';
    case '記号':
      if (detail.startsWith('空白')) {
        if (LINE_BREAK.test(t.surface)) return 'break';
        return t.surface.trim() === '' && t.surface.includes('\u3000') ? 'close' : 'space';
      }
      if (detail.startsWith('句点')) return 'break';
      if (detail.startsWith('括弧開')) return 'open';
      if (detail.startsWith('読点') || detail.startsWith('括弧閉')) return 'close';
      if (JOINING_MARKS.has(t.surface)) return 'joiner';
      // kuromoji tags a character it does not know (𠮷, a rare kanji outside the BMP) 記号: a
      // letter is a word, not punctuation.
      if (LETTER.test(t.surface)) return 'nounish';
      return 'close';
    default:
      return 'content';
  }
}

/// The number of tokens in each phrase, in order (see the header for the rules).
export function phraseSizes(tokens: readonly PhraseToken[]): number[] {
  const sizes: number[] = [];
  let size = 0;
  // State of the phrase being built.
  let opening = false; // holds only opening brackets / prefixes so far
  let nounRun = false; // ends in a noun, noun suffix, prefix or joiner
  let sahen = false; // ends in a サ変 noun
  let ended = true; // a line break or 。 closed it: the next token starts a phrase
  let spaceAfter: string | null = null; // the last token was spaces, after this surface (for rule 5)
  let lastSurface = '';
  const start = () => {
    if (size > 0) sizes.push(size);
    size = 0;
  };
  for (const t of tokens) {
    const kind = kindOf(t);
    let joins: boolean;
    // After a line break or 。 only more of the same, spaces and closing marks join (。」).
    if (ended) joins = kind === 'break' || kind === 'space' || kind === 'close';
    else if (opening) joins = true;
    else {
      switch (kind) {
        case 'function':
        case 'suffix':
        case 'close':
        case 'space':
        case 'break':
        case 'joiner':
          joins = true;
          break;
        case 'suru':
          joins = sahen && spaceAfter == null;
          break;
        case 'nounish':
          joins = nounRun && (spaceAfter == null || !(ASCII.test(spaceAfter) && ASCII.test(t.surface)));
          break;
        default:
          joins = false; // content, prefix, open
      }
    }
    if (!joins) start();
    size++;
    // The phrase's state after this token.
    if (!joins) {
      opening = kind === 'open' || kind === 'prefix';
      ended = false;
    } else if (opening && kind !== 'open' && kind !== 'prefix') {
      opening = false;
    }
    if (kind === 'space') {
      // A noun run may continue across the spaces (rule 5); nothing else does.
      spaceAfter = spaceAfter ?? lastSurface;
      sahen = false;
    } else {
      spaceAfter = null;
      nounRun = kind === 'nounish' || kind === 'suffix' || kind === 'prefix' || kind === 'joiner';
      sahen = kind === 'nounish' && t.posDetail.startsWith('サ変接続');
    }
    if (kind === 'break') {
      ended = true;
      nounRun = false;
    }
    if (kind !== 'space') lastSurface = t.surface;
  }
  start();
  return sizes;
}

/// The phrases of `tokens` (which cover a text contiguously) from their sizes, with offsets.
export function phrasesOf(tokens: readonly { start: number; end: number; cpStart: number; cpEnd: number }[], sizes: readonly number[]): Phrase[] {
  const out: Phrase[] = [];
  let i = 0;
  for (const n of sizes) {
    const first = tokens[i];
    const last = tokens[i + n - 1];
    if (n <= 0 || !last) throw new Error(`phrasesOf: phrase sizes do not fit ${tokens.length} tokens`);
    out.push({ start: first.start, end: last.end, cpStart: first.cpStart, cpEnd: last.cpEnd });
    i += n;
  }
  if (i !== tokens.length) throw new Error(`phrasesOf: phrases cover ${i} of ${tokens.length} tokens`);
  return out;
}

/// The index of the first token of each phrase, plus tokens.length at the end: the phrase
/// boundaries as token indices (what the editor snaps and steps by).
export function phraseStartTokens(sizes: readonly number[]): number[] {
  const starts = [0];
  for (const n of sizes) starts.push(starts[starts.length - 1] + n);
  return starts;
}

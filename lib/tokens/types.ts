// The token contract shared by the tokenizer, storage, the CLI and the reading view.
// A token covers text.slice(start, end); the tokens of a text are contiguous and their
// surfaces concatenate to the text exactly (whitespace and line breaks are tokens too).

/// One morpheme of the canonical text.
export interface Token {
  /// UTF-16 code-unit offsets (JS string indices) into the canonical text.
  start: number;
  end: number;
  /// Unicode code-point offsets into the canonical text (what exports use).
  cpStart: number;
  cpEnd: number;
  surface: string;
  /// kuromoji's pos (品詞), e.g. 名詞; '記号' for whitespace and unknown symbols.
  pos: string;
  /// pos_detail_1..3 joined with ',' where not '*', e.g. '固有名詞,地域'; '' when none.
  posDetail: string;
  /// Dictionary form; the surface when kuromoji gives '*'.
  basicForm: string;
  /// Reading in hiragana (kuromoji gives katakana; converted); '' when unknown.
  reading: string;
  /// Conjugation of an inflecting word: kuromoji's conjugated_type and conjugated_form joined
  /// with ',' (e.g. '五段・ラ行,連用タ接続'); absent for words that do not inflect (and for
  /// tokens stored before it was kept).
  conjugation?: string;
}

/// A token as the editor needs it: where it is and what it says (lib/tokens/spans.ts).
export type TokenSpan = Pick<Token, 'start' | 'end' | 'surface'>;
/// The rest of a token: what the word tooltip shows, fetched apart (lib/tokens/spans.ts).
export type TokenDetails = Pick<Token, 'pos' | 'posDetail' | 'basicForm' | 'reading' | 'conjugation'>;

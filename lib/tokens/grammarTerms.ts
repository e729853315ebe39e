// Japanese grammar terms in English: the one table of kuromoji's (IPADIC's) part-of-speech,
// part-of-speech detail, conjugation type and conjugation form values, so that the English UI
// can say "auxiliary verb (助動詞)" where the Japanese UI says 助動詞. Pure data and lookup: the
// word tooltip and anything else that shows a token's grammar go through `describeGrammar`.
//
// Invariant (grammarTerms.test.ts): every value kuromoji gives on the corpus texts has an English
// term here. A value not in the table (a dictionary with other tags) is shown in Japanese alone,
// never dropped. The godan/bigrade/quadrigrade conjugation types come in one entry per kana row;
// those entries are generated from the rows below rather than typed out.

const POS: Record<string, string> = {
  名詞: 'noun',
  動詞: 'verb',
  形容詞: 'i-adjective',
  副詞: 'adverb',
  助詞: 'particle',
  助動詞: 'auxiliary verb',
  連体詞: 'adnominal',
  接続詞: 'conjunction',
  感動詞: 'interjection',
  記号: 'symbol',
  接頭詞: 'prefix',
  フィラー: 'filler',
  その他: 'other',
  未知語: 'unknown word',
};

const POS_DETAIL: Record<string, string> = {
  一般: 'general',
  固有名詞: 'proper noun',
  代名詞: 'pronoun',
  副詞可能: 'adverbial',
  サ変接続: 'verbal noun (takes する)',
  形容動詞語幹: 'na-adjective stem',
  ナイ形容詞語幹: 'stem before ない',
  数: 'number',
  非自立: 'dependent',
  自立: 'independent',
  接尾: 'suffix',
  特殊: 'special',
  引用文字列: 'quoted string',
  動詞非自立的: 'verb-like dependent',
  人名: 'person’s name',
  姓: 'family name',
  名: 'given name',
  組織: 'organization',
  地域: 'place',
  国: 'country',
  助数詞: 'counter',
  副詞化: 'adverbializing',
  助動詞語幹: 'auxiliary verb stem',
  格助詞: 'case particle',
  係助詞: 'binding particle',
  副助詞: 'adverbial particle',
  接続助詞: 'conjunctive particle',
  終助詞: 'sentence-final particle',
  並立助詞: 'coordinating particle',
  間投助詞: 'interjectional particle',
  連体化: 'adnominalizer',
  '副助詞／並立助詞／終助詞': 'adverbial / coordinating / sentence-final particle',
  引用: 'quotative',
  連語: 'set phrase',
  名詞接続: 'before a noun',
  数接続: 'before a number',
  動詞接続: 'before a verb',
  形容詞接続: 'before an adjective',
  助詞類接続: 'before a particle',
  接続詞的: 'conjunctive',
  縮約: 'contraction',
  句点: 'full stop',
  読点: 'comma',
  空白: 'space',
  括弧開: 'opening bracket',
  括弧閉: 'closing bracket',
  アルファベット: 'alphabet',
};

const ROWS: Record<string, string> = { カ: 'k', ガ: 'g', サ: 's', ザ: 'z', タ: 't', ダ: 'd', ナ: 'n', ハ: 'h', バ: 'b', マ: 'm', ヤ: 'y', ラ: 'r', ワ: 'w' };
const rowTypes = (prefix: string, english: string) => Object.fromEntries(Object.entries(ROWS).map(([kana, r]) => [`${prefix}・${kana}行`, `${english}, ${r}-row`]));

const CONJUGATION_TYPE: Record<string, string> = {
  ...rowTypes('五段', 'godan verb'),
  ...rowTypes('四段', 'quadrigrade verb (classical)'),
  ...rowTypes('上二', 'upper bigrade verb (classical)'),
  ...rowTypes('下二', 'lower bigrade verb (classical)'),
  '五段・カ行イ音便': 'godan verb, k-row, い euphony',
  '五段・カ行促音便': 'godan verb, k-row, geminate euphony',
  '五段・カ行促音便ユク': 'godan verb, k-row, geminate euphony (行く)',
  '五段・ラ行アル': 'godan verb, r-row (ある)',
  '五段・ラ行特殊': 'godan verb, r-row, special',
  '五段・ワ行ウ音便': 'godan verb, w-row, う euphony',
  '五段・ワ行促音便': 'godan verb, w-row, geminate euphony',
  一段: 'ichidan verb',
  '一段・クレル': 'ichidan verb (くれる)',
  '一段・得ル': 'ichidan verb (得る)',
  '上一・カ行': 'upper monograde verb, k-row (classical)',
  'カ変・クル': 'irregular verb (くる)',
  'カ変・来ル': 'irregular verb (来る)',
  'サ変・スル': 'irregular verb (する)',
  'サ変・−スル': 'irregular verb (-する)',
  'サ変・−ズル': 'irregular verb (-ずる)',
  'ラ変・ヨシ': 'r-irregular verb (よし, classical)',
  '形容詞・アウオ段': 'i-adjective (stem in -a, -u, -o)',
  '形容詞・イ段': 'i-adjective (stem in -i)',
  '形容詞・イイ': 'i-adjective (いい)',
  '特殊・タ': 'special auxiliary (た)',
  '特殊・ダ': 'special auxiliary (だ)',
  '特殊・デス': 'special auxiliary (です)',
  '特殊・ナイ': 'special auxiliary (ない)',
  '特殊・タイ': 'special auxiliary (たい)',
  '特殊・マス': 'special auxiliary (ます)',
  '特殊・ヌ': 'special auxiliary (ぬ)',
  '特殊・ジャ': 'special auxiliary (じゃ)',
  '特殊・ヤ': 'special auxiliary (や)',
  '特殊・ライ': 'special auxiliary (らい)',
  不変化型: 'invariable',
  '文語・ベシ': 'classical auxiliary (べし)',
  '文語・ナリ': 'classical auxiliary (なり)',
  '文語・ゴトシ': 'classical auxiliary (ごとし)',
  '文語・リ': 'classical auxiliary (り)',
  '文語・キ': 'classical auxiliary (き)',
  '文語・ケリ': 'classical auxiliary (けり)',
  '文語・ル': 'classical auxiliary (る)',
  '文語・マジ': 'classical auxiliary (まじ)',
};

const CONJUGATION_FORM: Record<string, string> = {
  基本形: 'dictionary form',
  未然形: 'irrealis form',
  連用形: 'continuative form',
  仮定形: 'conditional form',
  体言接続: 'attributive form (before a noun)',
  体言接続特殊: 'attributive form, special',
  体言接続特殊２: 'attributive form, special 2',
  連用タ接続: 'continuative form (before た)',
  連用テ接続: 'continuative form (before て)',
  連用デ接続: 'continuative form (before で)',
  連用ニ接続: 'continuative form (before に)',
  連用ゴザイ接続: 'continuative form (before ござい)',
  未然ウ接続: 'irrealis form (before う)',
  未然ヌ接続: 'irrealis form (before ぬ)',
  未然レル接続: 'irrealis form (before れる)',
  未然特殊: 'irrealis form, special',
  仮定縮約１: 'contracted conditional form 1',
  仮定縮約２: 'contracted conditional form 2',
  ガル接続: 'stem before がる',
  音便基本形: 'euphonic dictionary form',
  文語基本形: 'classical dictionary form',
  現代基本形: 'modern dictionary form',
  命令ｅ: 'imperative form (-e)',
  命令ｉ: 'imperative form (-i)',
  命令ｒｏ: 'imperative form (-ro)',
  命令ｙｏ: 'imperative form (-yo)',
};

/// The table, by kind: what the tests check the corpus against.
export const GRAMMAR_TERMS = { pos: POS, posDetail: POS_DETAIL, conjugationType: CONJUGATION_TYPE, conjugationForm: CONJUGATION_FORM } as const;

export type GrammarTermKind = keyof typeof GRAMMAR_TERMS;

/// One Japanese term with its English (null when the table has none).
export interface GrammarTerm {
  ja: string;
  en: string | null;
}

export function grammarTerm(kind: GrammarTermKind, ja: string): GrammarTerm {
  const table: Record<string, string> = GRAMMAR_TERMS[kind];
  return { ja, en: Object.hasOwn(table, ja) ? table[ja] : null };
}

/// A token's grammar as terms: its part of speech, the details (pos_detail_1..3, as stored:
/// joined by ','), and for an inflecting word its conjugation type and form.
export function describeGrammar(token: { pos: string; posDetail: string; conjugation?: string }): { pos: GrammarTerm; details: GrammarTerm[]; conjugation: GrammarTerm[] } {
  const [type, form] = (token.conjugation ?? '').split(',');
  return {
    pos: grammarTerm('pos', token.pos),
    details: token.posDetail ? token.posDetail.split(',').map((d) => grammarTerm('posDetail', d)) : [],
    conjugation: [type ? grammarTerm('conjugationType', type) : null, form ? grammarTerm('conjugationForm', form) : null].filter((t): t is GrammarTerm => t !== null),
  };
}

// The signposts of Japanese argumentative prose: the connectives and sentence endings with which
// a writer marks what a sentence does in the argument (しかし, 例えば, つまり, 第一に, …と思われる).
// One table, read by the matcher (match.ts) and the suggestions (suggest.ts).
//
// A form is matched on tokens, not as a raw string: it must start and end on token boundaries,
// so it is whole morphemes however kuromoji happens to cut them (確かに is 確か+に, なぜなら one
// token) and never part of a word. Openers must begin a sentence (after white space and opening
// brackets), so the だ+が inside 「…学生だが、」 is no だが; closers must end one (before its
// terminator and closing brackets). Kana and kanji spellings are listed apart: the surface is
// matched as written.
//
// Roles, and what they suggest (suggest.ts):
//   contrast     しかし, だが, とはいえ …  the sentence turns against what came before
//   concession   確かに, もちろん …        the writer grants a point before answering it
//   example      例えば, 実際 …            evidence for what came before
//   reason       なぜなら, というのも …    evidence for what came before
//   enumeration  第一に, まず, 次に …      one of a row of sibling reasons
//   addition     さらに, 加えて …          another reason in the same row
//   conclusion   したがって, 以上のことから … a claim drawn from what came before
//   restatement  つまり, 要するに …        the point put again, as a claim
//   stance       …と思われる, …といえる …  the writer commits to a claim
//   reported     …向きも多い, …という見方もある  a view the writer reports, often to answer it

export type SignpostRole =
  | 'contrast'
  | 'concession'
  | 'example'
  | 'reason'
  | 'enumeration'
  | 'addition'
  | 'conclusion'
  | 'restatement'
  | 'stance'
  | 'reported';

export interface Signpost {
  /// The cue as written; it must cover whole tokens.
  form: string;
  role: SignpostRole;
  /// Opens a sentence, or closes one.
  at: 'open' | 'close';
}

const open = (role: SignpostRole, ...forms: string[]): Signpost[] => forms.map((form) => ({ form, role, at: 'open' }));
const close = (role: SignpostRole, ...forms: string[]): Signpost[] => forms.map((form) => ({ form, role, at: 'close' }));

// 第一に … 第十に, in kanji or digits.
const ordinals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '1', '2', '3', '4', '5', '１', '２', '３', '４', '５'];

export const SIGNPOSTS: readonly Signpost[] = [
  ...open('contrast', 'しかし', 'しかしながら', 'だが', 'ところが', 'けれども', 'けれど', 'でも',
    'とはいえ', 'とは言え', '他方', '他方で', '一方', '一方で', '逆に',
    'それでも', 'にもかかわらず', 'むしろ'),
  ...open('concession', '確かに', 'たしかに', 'もちろん', '無論', 'むろん', 'もっとも'),
  ...open('example', '例えば', 'たとえば', '実際', '実際に', '事実', '具体的には', '現に'),
  ...open('reason', 'なぜなら', '何故なら', 'というのも', 'その理由は'),
  ...open('enumeration', 'まず', '次に', '最初に', ...ordinals.map((n) => `第${n}に`)),
  ...open('addition', 'さらに', '更に', '加えて', 'そのうえ', 'その上', 'しかも', 'また'),
  ...open('conclusion', 'したがって', '従って', 'よって', 'だから', 'それゆえ', 'ゆえに', 'そのため',
    'その結果', '結局', '以上のことから', '以上から', '以上、', 'このように',
    'こうして', '全体的に', 'これらのことから', '最後に'),
  ...open('restatement', 'つまり', 'すなわち', '要するに', '言い換えれば', '言いかえれば'),
  ...close('stance', 'と思われる', 'と思う', 'と考える', 'と考えられる', 'と考えている',
    'といえる', 'と言える', 'といえよう', 'といえるだろう', 'だろう', 'はずである',
    'はずだ', 'べきである', 'べきだ', 'べきだろう', 'のではないか',
    'に違いない', 'とはいえまい', '必要がある', '必要である'),
  ...close('reported', '向きも多かった', '向きも多い', '向きもある', '見方もある',
    '見方がある', '声もある', 'とする見方もある', 'とも言われている',
    'ともいわれている', 'とされている', '分析が目立った'),
];

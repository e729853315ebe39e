// The catalogue of argumentation schemes a support may name (Relation.scheme), with their
// critical questions in Japanese and English. The schemes are the most used of Walton, Reed &
// Macagno, *Argumentation Schemes* (2008), as OVA3 and the AIF database offer them; `aifName` is
// the name OVA3 writes in an RA node's `scheme` (for the AIF adapter). Critical questions follow
// the book's wording, shortened; the Japanese renders them for high-school and university
// students, not word for word.
//
// Invariants: scheme ids and, within a scheme, question ids are stable (stored maps and exported
// files name them) — add schemes and questions, never renumber or reuse an id; every name and
// question has both languages. A test checks both.

export interface CriticalQuestion {
  id: string;
  ja: string;
  en: string;
}

export interface ArgumentationScheme {
  id: string;
  name: { ja: string; en: string };
  /// The scheme's name as OVA3/AIF write it.
  aifName: string;
  criticalQuestions: readonly CriticalQuestion[];
}

const cq = (id: string, ja: string, en: string): CriticalQuestion => ({ id, ja, en });

export const schemes: readonly ArgumentationScheme[] = [
  {
    id: 'expertOpinion',
    name: { ja: '専門家の意見からの議論', en: 'Argument from expert opinion' },
    aifName: 'Expert Opinion',
    criticalQuestions: [
      cq('expertise', 'その人は専門家としてどれほど信頼できるか。', 'How credible is the source as an expert?'),
      cq('field', 'その人は、この主張が属する分野の専門家か。', 'Is the source an expert in the field the claim belongs to?'),
      cq('opinion', 'その人は実際に何と述べ、それはこの主張を意味するか。', 'What did the source assert, and does it imply the claim?'),
      cq('trustworthiness', 'その人は個人として信頼できる情報源か（利害関係はないか）。', 'Is the source personally reliable (no stake in the matter)?'),
      cq('consistency', 'ほかの専門家の意見と一致しているか。', 'Is the claim consistent with what other experts assert?'),
      cq('evidence', 'その意見は証拠に基づいているか。', "Is the source's assertion based on evidence?"),
    ],
  },
  {
    id: 'example',
    name: { ja: '例からの議論', en: 'Argument from example' },
    aifName: 'Example',
    criticalQuestions: [
      cq('true', 'その例は事実として正しいか。', 'Is what the example states actually true?'),
      cq('supports', 'その例は、一般的な主張の実例になっているか。', 'Does the example support the general claim it is an instance of?'),
      cq('typical', 'その例は典型的か（例外的な事例ではないか）。', 'Is the example typical of the cases the generalization covers?'),
      cq('strength', 'その一般化はどれほど強く言えるか。', 'How strong is the generalization?'),
      cq('circumstances', 'その例に、一般化を妨げる特殊な事情はないか。', 'Were there special circumstances in the example that impair its generalizability?'),
    ],
  },
  {
    id: 'causeToEffect',
    name: { ja: '原因から結果への議論', en: 'Argument from cause to effect' },
    aifName: 'Cause To Effect',
    criticalQuestions: [
      cq('strength', 'その因果関係はどれほど強いか（そもそも成り立つか）。', 'How strong is the causal generalization, if it is true at all?'),
      cq('evidence', '挙げられた証拠は、その因果関係を裏づけるのに十分か。', 'Is the evidence cited strong enough to warrant the causal generalization?'),
      cq('interference', 'この場合に結果が生じるのを妨げる、ほかの要因はないか。', 'Are there other factors that would interfere with or counteract the effect in this case?'),
    ],
  },
  {
    id: 'consequences',
    name: { ja: '帰結からの議論', en: 'Argument from consequences' },
    aifName: 'Consequences',
    criticalQuestions: [
      cq('likelihood', '挙げられた帰結は、どれほど起こりそうか。', 'How likely is it that the cited consequences will occur?'),
      cq('evidence', 'その帰結が起こることを示す証拠は何か。', 'What evidence supports the claim that these consequences will occur?'),
      cq('opposite', '逆の価値をもつ帰結（よい面・悪い面）も考慮すべきではないか。', 'Are there consequences of the opposite value that ought to be taken into account?'),
    ],
  },
  {
    id: 'analogy',
    name: { ja: '類推による議論', en: 'Argument from analogy' },
    aifName: 'Analogy',
    criticalQuestions: [
      cq('differences', '二つの事例には、類似性を弱めるような違いはないか。', 'Are there differences between the two cases that undermine the similarity cited?'),
      cq('source', '比べられている事例で、その主張は本当に成り立っているか。', 'Is the claim really true in the case compared with?'),
      cq('counterCase', '似ているのに、その主張が成り立たない別の事例はないか。', 'Is there another similar case in which the claim does not hold?'),
    ],
  },
  {
    id: 'sign',
    name: { ja: '兆候からの議論', en: 'Argument from sign' },
    aifName: 'Sign',
    criticalQuestions: [
      cq('correlation', 'その兆候と、それが示す事柄とはどれほど強く結びついているか。', 'How strong is the correlation of the sign with what it signifies?'),
      cq('alternatives', 'その兆候をもっとよく説明する、ほかの出来事はないか。', 'Are there other events that would more reliably account for the sign?'),
    ],
  },
  {
    id: 'positionToKnow',
    name: { ja: '知りうる立場からの議論', en: 'Argument from position to know' },
    aifName: 'Position To Know',
    criticalQuestions: [
      cq('position', 'その人は、本当にそれを知りうる立場にあるか。', 'Is the source in a position to know whether the claim is true?'),
      cq('honest', 'その人は正直で信頼できる情報源か。', 'Is the source honest and reliable?'),
      cq('asserted', 'その人は実際にそう述べたか。', 'Did the source actually assert the claim?'),
    ],
  },
  {
    id: 'popularOpinion',
    name: { ja: '世論（多数の意見）からの議論', en: 'Argument from popular opinion' },
    aifName: 'Popular Opinion',
    criticalQuestions: [
      cq('evidence', 'それが広く受け入れられていることを示す証拠（調査など）はあるか。', 'What evidence, such as a poll, shows that the claim is generally accepted?'),
      cq('doubt', '広く受け入れられていても、それを疑うべき理由はないか。', 'Even if generally accepted, are there good reasons to doubt the claim?'),
    ],
  },
  {
    id: 'verbalClassification',
    name: { ja: '言語的分類からの議論', en: 'Argument from verbal classification' },
    aifName: 'Verbal Classification',
    criticalQuestions: [
      cq('hasProperty', 'その対象は本当にその性質をもっているか（疑う余地はないか）。', 'Does the thing definitely have the property, or is there room for doubt?'),
      cq('strength', 'その分類ははっきり成り立つものか、それとも疑いの余地のある弱い分類か。', 'Does the classification hold strongly, or is it a weak one open to doubt?'),
    ],
  },
  {
    id: 'establishedRule',
    name: { ja: '確立した規則からの議論', en: 'Argument from established rule' },
    aifName: 'Established Rule',
    criticalQuestions: [
      cq('requires', 'その規則は、本当にこの種の行為を求めているか。', 'Does the rule require carrying out this type of action?'),
      cq('conflict', 'これと衝突したり優先したりする、ほかの規則はないか。', 'Are there other established rules that conflict with or override this one?'),
      cq('exception', '規則に従わなくてよい特別な事情はないか。', 'Are there extenuating circumstances or an excuse for not complying?'),
    ],
  },
  {
    id: 'precedent',
    name: { ja: '先例からの議論', en: 'Argument from precedent' },
    aifName: 'Precedent',
    criticalQuestions: [
      cq('ruleApplies', '既存の規則は、本当にこの事例に当てはまらないのか。', 'Does the existing rule really not apply to the case at issue?'),
      cq('similar', 'この事例は、先例と本当に同じ種類のものか。', 'Is the case at issue really of the same kind as the precedent?'),
      cq('consequences', 'この先例に従うと、望ましくない帰結が生じないか。', 'Would following the precedent lead to undesirable consequences?'),
    ],
  },
  {
    id: 'practicalReasoning',
    name: { ja: '実践的推論（目的からの議論）', en: 'Practical reasoning (argument from a goal)' },
    aifName: 'Practical Reasoning',
    criticalQuestions: [
      cq('goals', 'この目的と衝突する、ほかの目的はないか。', 'What other goals might conflict with this one?'),
      cq('alternatives', '同じ目的を達成できる、ほかの手段はないか。', 'What alternative actions would also bring about the goal?'),
      cq('efficient', 'その手段は、ほかの手段と比べて最も効率的か。', 'Among the alternatives, is this action the most efficient?'),
      cq('possible', 'その手段を実行することは実際に可能か。', 'Is it practically possible to carry out the action?'),
      cq('sideEffects', 'その手段には、考慮すべきほかの帰結はないか。', 'What other consequences of the action should be taken into account?'),
    ],
  },
  {
    id: 'correlationToCause',
    name: { ja: '相関から原因への議論', en: 'Argument from correlation to cause' },
    aifName: 'Correlation To Cause',
    criticalQuestions: [
      cq('correlation', '二つの事柄の間に、本当に相関があるか。', 'Is there really a correlation between the two?'),
      cq('coincidence', 'その相関が偶然以上のものだと考える理由はあるか。', 'Is there reason to think the correlation is more than a coincidence?'),
      cq('thirdFactor', '両方を引き起こしている第三の要因はないか。', 'Could some third factor be causing both?'),
    ],
  },
];

const byId = new Map(schemes.map((s) => [s.id, s]));

/// The scheme with this id, or undefined.
export function schemeById(id: string): ArgumentationScheme | undefined {
  return byId.get(id);
}

/// The ids of the catalogue's schemes.
export const schemeIds: readonly string[] = schemes.map((s) => s.id);

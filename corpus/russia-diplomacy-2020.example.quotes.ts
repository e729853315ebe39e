// The worked example map of 「2020年のロシア外交」, as data: which sentences are units, what
// they are, and how they bear on each other. `scripts/build-example-map.ts` turns it into
// `russia-diplomacy-2020.example.argmap.json` (finding each quote in the canonical text and
// checking it lies on token boundaries); `lib/corpus/example.test.ts` checks the result.
//
// Quotes are exact substrings of the CANONICAL text (canonicalize(source, { reflow }) — note
// the half-width spaces the PDF left before numbers, e.g. 「3月」 is 「 3月」 in most places).
// `occurrence` (1-based) picks one when a quote occurs more than once; the build fails on an
// ambiguous quote without it. Footnote markers (「 1」「 4」「 7」) are left out of quotes.
//
// Shape of the argument: the thesis (はじめに) is that the 2020 turmoil in the former Soviet
// space cannot simply be read as declining Russian influence. It rests on the conclusion's two
// strands — 2020 diplomacy admits a mixed evaluation (コロナ外交, ワクチン外交 as gains, the
// West as a loss), and the four cases each resist the "decline" reading (ベラルーシ: tolerated
// on purpose; キルギス: a domestic matter; ナゴルノ・カラバフ: pluses and minuses, Russia
// brokering the ceasefire in the end; モルドヴァ: Dodon was dropped by Russia). The "decline"
// view, the NATO "hybrid war" reading of aid diplomacy and the doubts about Russia's vaccine are
// the counterarguments the essay raises and answers.
//
// The deeper model (issue 17), where the essay warrants it — each with a note saying why:
// - a LINKED argument for the thesis (r2): the conclusion's restatement that the cases are mixed
//   supports 「単純には結論づけられない」 only together with the premise the essay leaves
//   unstated (the IMPLICIT unit i-one-cause): if the turmoil has different causes case by case,
//   it cannot be put down to one cause. And one in ナゴルノ・カラバフ (r35): 「プラス・マイナスの
//   両方の意味があった」 needs the plus (presence) and the minus (air defence) together.
// - an UNDERCUTTER (r40): 「このような流れを見ると、…影響力を喪失したかのように見えるかもしれないが、
//   その見方は単純すぎる」 grants Sandu's hostility and attacks the inference from it to "Russia
//   lost its influence" (r39), not the facts or the conclusion alone.
// - SCHEMES: r39 is an argument from sign (hostility read as a sign of lost influence; its
//   critical question "another explanation?" is what the undercutter answers); r38 an argument
//   from example (the Moldovan election as an instance of the "decline" view). Their critical
//   questions are answered from the essay.

export type ExampleLabel = 'claim' | 'evidence' | 'counterargument' | 'rebuttal';

export interface ExampleUnitSpec {
  id: string;
  label: ExampleLabel;
  /// An exact substring of the canonical text, starting and ending on token boundaries.
  quote: string;
  note: string;
  /// 1-based; required when the quote occurs more than once.
  occurrence?: number;
}

/// A premise or conclusion the essay leaves unstated: its own text, no quote.
export interface ExampleImplicitUnitSpec {
  id: string;
  label: ExampleLabel;
  implicit: true;
  text: string;
  note: string;
}

export interface ExampleRelationSpec {
  id: string;
  type: 'support' | 'attack';
  /// The premise or the attacker, or the premises of a linked argument (they support only together).
  from: string | string[];
  /// The unit supported or attacked, or the relation attacked (an undercutter).
  to: string;
  /// An argumentation scheme id of lib/argument/schemes (supports only).
  scheme?: string;
  /// Answers to the scheme's critical questions, in the catalogue's order.
  criticalQuestions?: Array<{ id: string; answer: string }>;
  note: string;
}

export interface ExampleMapSpec {
  /// corpus id: the map is over corpus/<documentId>.source.txt as described by its meta.
  documentId: string;
  mainClaim: string;
  units: ExampleUnitSpec[];
  implicitUnits?: ExampleImplicitUnitSpec[];
  relations: ExampleRelationSpec[];
}

export const russiaDiplomacy2020Example: ExampleMapSpec = {
  documentId: 'russia-diplomacy-2020',
  mainClaim: 'u-thesis',
  units: [
    // --- 論旨と結論 -------------------------------------------------------------------------
    {
      id: 'u-thesis',
      label: 'claim',
      quote:
        'そして、2020年後半に旧ソ連諸国での相次いだ混乱はロシアの頭痛の種になったが、それがロシアの求心力低下によるものかどうかは、単純には結論づけられないと思われる。',
      note: '論旨：旧ソ連諸国の混乱を、ロシアの求心力低下によるものと単純には結論づけられない',
    },
    {
      id: 'u-conclusion',
      label: 'claim',
      quote: '以上、論じてきたように、2020年のロシア外交は多様な評価ができると考える。',
      note: 'むすびの総括：2020年のロシア外交は一面的ではなく、多様に評価できる',
    },
    {
      id: 'u-conclusion-fsu',
      label: 'claim',
      quote:
        '最後に、旧ソ連で相次いだ混乱については、ロシアの影響力の低下が背景にある事例も間違いなくある一方、ロシアがあえて突き放した事例もあれば、最終的にロシアの影響力を見せつけた事例もあったといえ、様々な事例を用いた今後のさらなる分析が必要であると考えている。',
      note: '論旨の再述（むすび）：旧ソ連の混乱には低下・突き放し・影響力誇示の事例が混在する',
    },
    {
      id: 'u-decline-view',
      label: 'counterargument',
      quote: 'それらの発生の理由を「ロシアの影響力の低下」に見る向きも多かった。',
      note: '反論：旧ソ連の四つの混乱はロシアの影響力低下によるという見方',
    },

    // --- 2．コロナ外交 ---------------------------------------------------------------------
    {
      id: 'u-covid-aid',
      label: 'evidence',
      quote: '多くの国が苦境に陥るなか、支援物資や医療物資、軍関係者、医療従事者などを様々な国に送り込んでいる',
      note: 'コロナ外交の事実：各国への物資・人員の支援',
    },
    {
      id: 'u-hybrid-war',
      label: 'counterargument',
      quote: '欧米、特にNATOはロシア（及び中国）の支援外交を「ハイブリッド戦争である」として警戒した。',
      note: '反論：支援外交は下心のあるハイブリッド戦争だとするNATOの見方',
    },
    {
      id: 'u-nato-statements',
      label: 'evidence',
      quote:
        '例えば 2020年 4月 15日に、イェンス・ストルテンベルグ NATO事務総長は、「ロシアによる軍事活動が続いているが、NATOの軍および作戦を保護するためのあらゆる必要な措置をとる」と述べ、また、ロシアと中国による攻撃的な宣伝活動への対応を問われると、ハイブリッド戦争への準備の必要性および偽情報には自由で透明なプレスが最善の対抗策であると発言した。',
      note: 'ハイブリッド戦争論の根拠：NATO事務総長の発言',
    },
    {
      id: 'u-hybrid-rebuttal',
      label: 'rebuttal',
      quote: 'とはいえ、これらすべてをハイブリッド戦争ということは適切ではないだろう。',
      note: '再反論：支援のすべてをハイブリッド戦争とみるのは適切ではない',
    },
    {
      id: 'u-covid-gratitude',
      label: 'evidence',
      quote:
        'ロシアにも良心があったかもしれないし、ロシア兵・ロシア軍医療部隊が大規模に支援に参入したセルビアなど、実際にロシアの支援に助けられ、ロシアに感謝している国々も少なくないからだ。',
      note: '再反論の根拠：セルビアなど、ロシアの支援に感謝する国々',
    },
    {
      id: 'u-covid-claim',
      label: 'claim',
      quote: 'ロシアの影響力が拡大した側面は少なからずあったはずである。',
      note: 'コロナ外交の結論：ロシアの影響力が拡大した側面もあった',
    },

    // --- ワクチン外交 ----------------------------------------------------------------------
    {
      id: 'u-vaccine-adoption',
      label: 'evidence',
      quote: 'ロシアの友好国が次第に、ロシアのワクチンを採用するようになり、また韓国がロシアのワクチン製造を行うことになった。',
      note: 'ワクチン外交の成果：友好国の採用と韓国での製造',
    },
    {
      id: 'u-vaccine-unpopular',
      label: 'counterargument',
      quote: 'ロシアのワクチンは、臨床試験（治験）の不十分さなどもあり、ロシア国内外であまり人気がなかった',
      note: '反論：治験が不十分でロシアのワクチンは人気がなかった',
    },
    {
      id: 'u-vaccine-rebuttal',
      label: 'rebuttal',
      quote:
        '安価であるのみならず、英医学誌が 2021年 2月 2日に 91.6%の感染予防の有効性を確認したという論文を掲載した上に、凍結乾燥粉末に加工した上での輸送の簡素化も進められている。',
      note: '再反論：安価で、有効性91.6%の論文が出て、輸送も簡素化されつつある',
    },
    {
      id: 'u-vaccine-zeal',
      label: 'evidence',
      quote:
        'さらに 2021年 2月末時点で、ロシアはスプートニク Vの他に 2つのワクチンを開発・承認しており、ロシアのワクチン開発への熱意は極めて高い。',
      note: 'ワクチン外交の根拠：三つ目までのワクチン承認と開発への熱意',
    },
    {
      id: 'u-vaccine-claim',
      label: 'claim',
      quote:
        '今後、それらロシア製ワクチンの効果・利便性が広く確認されていった場合は、ロシア外交の切り札になる可能性も皆無ではないだろう。',
      note: 'ワクチン外交の結論：ロシア外交の切り札になりうる',
    },

    // --- 3．欧米との関係悪化 -----------------------------------------------------------------
    {
      id: 'u-west-belarus',
      label: 'evidence',
      quote:
        'たとえば、ベラルーシの抗議行動についても、ベラルーシのアレクサンドル・ルカシェンコ大統領、およびプーチン大統領が揃って欧米の内政干渉を批判し、欧米との溝は深まった。',
      note: '悪化の原因①：ベラルーシの抗議行動をめぐる欧米批判',
    },
    {
      id: 'u-west-navalny',
      label: 'evidence',
      quote:
        '欧米は激しく反発し、欧米が追加制裁をチラつかせ、独露を結ぶ天然ガスのパイプライン「ノルド・ストリーム 2」にも影響が出る可能性も注目された。',
      note: '悪化の原因②：ナヴァルヌイ暗殺未遂への欧米の反発と追加制裁の構え',
    },
    {
      id: 'u-west-cyber',
      label: 'evidence',
      quote:
        'また、ロシアの国家レベルの関与が問われる大規模なサイバー攻撃・サイバー諜報などが相次いで発覚したという事実も、ロシアと欧米の関係を悪化させた',
      note: '悪化の原因③：相次いで発覚したサイバー攻撃・サイバー諜報',
    },
    {
      id: 'u-west-claim',
      label: 'claim',
      quote: 'これらのことから、ロシアと欧米の関係は極めて厳しいものとなった。',
      note: '欧米との関係の結論：関係は極めて厳しいものとなった',
    },

    // --- 4（1）ベラルーシ抗議行動 -------------------------------------------------------------
    {
      id: 'u-belarus-reason-risk',
      label: 'evidence',
      quote:
        '何故なら、第一に、すでに欧米から制裁を受けているロシアにとって、軍事侵攻は大きなリスクだからだ。特に、ベラルーシの動きは反露・親欧米的な要素がなかったことから、ロシアが影響圏を喪失する可能性も低く、リスクを犯す必要はなかった。',
      note: '理由①：軍事介入のリスクは大きく、反露的でない抗議行動のために冒す必要はない',
    },
    {
      id: 'u-belarus-reason-lukashenko',
      label: 'evidence',
      quote: '第二に、プーチン大統領がルカシェンコをもはや見限っているということがある。',
      note: '理由②：プーチンはルカシェンコを見限っている',
    },
    {
      id: 'u-belarus-reason-regime',
      label: 'evidence',
      quote: '第三に、抗議行動が長期化していると言っても、ベラルーシ政権が転覆される可能性が著しく低かったということも大きい。',
      note: '理由③：政権が軍・警察を掌握し、転覆の可能性は低い',
    },
    {
      id: 'u-belarus-reason-spillover',
      label: 'evidence',
      quote: '第四に、ベラルーシの抗議行動がロシアに波及する様子が見られないことも大きいだろう。',
      note: '理由④：抗議行動がロシアに波及していない',
    },
    {
      id: 'u-belarus-claim',
      label: 'claim',
      quote:
        '以上のことから、ロシアはベラルーシの抗議行動をあえて黙認しているといえ、ベラルーシの抗議行動がロシアの求心力の低下によるものとはいえまい。',
      note: 'ベラルーシの事例の結論：ロシアはあえて黙認しており、求心力低下によるものではない',
    },
    {
      id: 'u-belarus-dependence',
      label: 'claim',
      quote:
        '逆に、ベラルーシが政権維持のためにロシアへの依存度を高めるようになれば、事実上棚上げになっている「連合条約」での譲歩など、ベラルーシがロシアの属国的な状況に陥る可能性が高まり、ロシアがむしろ旧ソ連圏に対する影響力を誇示できる展開にもなりうるのである。',
      note: 'ベラルーシの事例の見通し：むしろロシアの影響力を誇示する展開もありうる',
    },

    // --- 4（2）キルギス政変 -------------------------------------------------------------------
    {
      id: 'u-kyrgyz-domestic',
      label: 'evidence',
      quote:
        '2020年の政変はキルギス独立以来、2005年、2010年に次ぐ 3度目の政変であり、相次ぐ政変の背景には、根深い南北の地域対立があると通俗的には言われてきたが、実際の対立構図は個人を核として細分化されていて、政治は数十人の有力政治家たちの力関係で動いているという。',
      note: '根拠：三度目の政変は有力政治家の力関係という国内政治の産物',
    },
    {
      id: 'u-kyrgyz-japarov',
      label: 'evidence',
      quote: 'ジャパロフは 10月 14日に、ロシアは重要な戦略パートナーで、軍事協定も見直さないとして、対露関係重視の方針を示した',
      note: '根拠：新指導者ジャパロフは対露関係重視を表明',
    },
    {
      id: 'u-kyrgyz-counter',
      label: 'counterargument',
      quote:
        'キルギスは経済面などで中国やトルコへの依存を高めており、ロシアがキルギスに対する消極的姿勢を長期化させれば、ロシアの影響力が低下する可能性もあるだろう。',
      note: '反論（譲歩）：中国・トルコへの依存とロシアの消極姿勢で影響力が低下する可能性',
    },
    {
      id: 'u-kyrgyz-claim',
      label: 'claim',
      quote: 'とは言え、本政変自体は、ロシアの影響力とは無関係で、キルギスの国内問題として考えるのが適当だろう。',
      note: 'キルギスの事例の結論：政変はロシアの影響力と無関係な国内問題',
    },

    // --- 4（3）ナゴルノ・カラバフ紛争再燃 ------------------------------------------------------
    {
      id: 'u-karabakh-counter',
      label: 'counterargument',
      quote:
        '途中、ロシアが 2度、米国が 1度仲介した人道的停戦が瞬時に破綻したことは、ロシアの影響力低下を印象付けることとなった。',
      note: '反論：仲介した人道的停戦の破綻はロシアの影響力低下を印象付けた',
    },
    {
      id: 'u-karabakh-ceasefire',
      label: 'evidence',
      quote: 'だが、11月 10日にロシアの仲介により完全な停戦が成立した。',
      note: '再反論の根拠：最終的な停戦はロシアの仲介で成立',
    },
    {
      id: 'u-karabakh-rebuttal',
      label: 'rebuttal',
      quote:
        'とはいえ、ロシアは今回の紛争で、最終的には停戦を主導し、紛争の仲介役としての欧米の面目をつぶし、南コーカサスにおける欧米の影響力を著しく低下させることができた。',
      note: '再反論：ロシアは停戦を主導し、南コーカサスでの欧米の影響力を低下させた',
    },
    {
      id: 'u-karabakh-presence',
      label: 'evidence',
      quote:
        'また、旧ソ連の未承認国家では唯一影響力を及ぼせていなかったナゴルノ・カラバフに、また言い換えれば本来は国内法により外国軍の駐留を禁じているアゼルバイジャンに、駐軍できるようになったこともロシアの存在感を高めることになるだろう。',
      note: 'プラス面：平和維持部隊の駐留でロシアの存在感が高まる',
    },
    {
      id: 'u-karabakh-minus',
      label: 'evidence',
      quote:
        'だが、他方で、アルメニアの敗北の要因として同国の防空システムが破壊されたことがあるが、それがロシア製であったこと、またロシアがアルメニアを事実上見放し、集団防衛の義務を果たさなかったことは、ロシアの軍事的立場を貶めることになった。',
      note: 'マイナス面：ロシア製防空システムの敗北と集団防衛義務の不履行',
    },
    {
      id: 'u-karabakh-claim',
      label: 'claim',
      quote: '全体的に、本紛争はロシアにとってプラス・マイナスの両方の意味があった',
      note: 'ナゴルノ・カラバフの事例の結論：ロシアにとってプラスとマイナスの両面',
    },

    // --- 4（4）モルドヴァでの親欧米大統領誕生 ----------------------------------------------------
    {
      id: 'u-moldova-counter',
      label: 'counterargument',
      quote:
        'そのような背景において、親欧米路線のサンドゥが親露派のドドンを破ったことは、ロシアの旧ソ連諸国における影響力低下によるものだとする分析が目立った。',
      note: '反論：サンドゥの勝利はロシアの影響力低下によるという分析',
    },
    {
      id: 'u-moldova-hostile',
      label: 'evidence',
      quote:
        'プーチンが 11月 16日に祝電を送るなど、ロシアはサンドゥに融和的な姿勢を見せたものの、サンドゥは同月末に沿ドニエストルに駐留するロシア軍は撤退すべきだと述べるなど、ロシアに敵対的な態度をとった。',
      note: '反論の根拠：サンドゥはロシア軍撤退を求めるなど敵対的',
    },
    {
      id: 'u-moldova-rebuttal',
      label: 'rebuttal',
      quote:
        'このような流れを見ると、ロシアがモルドヴァにおける影響力を喪失したかのように見えるかもしれないが、その見方は単純すぎると考える。',
      note: '再反論：影響力を喪失したという見方は単純すぎる',
    },
    {
      id: 'u-moldova-abandoned',
      label: 'evidence',
      quote:
        'まず、ロシアはドドンの再選を支援しなかったどころか、見放したという現実がある。支援する候補を当選させるためなら、ロシアは外国の選挙時にありとあらゆる手段をとってきたが、ドドンに対してはそのような行動を起こさなかった。',
      note: '根拠：ロシアはドドンの再選を支援せず、見放していた',
    },
    {
      id: 'u-moldova-claim',
      label: 'claim',
      quote: 'つまり、ドドンの敗北はロシアにとっては既定路線だといえ、それはロシアの敗北を意味しないだろう。',
      note: 'モルドヴァの事例の結論：ドドンの敗北は既定路線で、ロシアの敗北ではない',
    },
  ],
  implicitUnits: [
    {
      id: 'i-one-cause',
      label: 'evidence',
      implicit: true,
      text: '混乱の原因が事例ごとに異なるなら、混乱全体を一つの原因（ロシアの求心力低下）に帰することはできない。',
      note: '書かれていない前提：むすびは事例が混在することを述べるだけで、そこから論旨（単純には結論づけられない）へ進むにはこの一般的な前提が要る',
    },
  ],
  relations: [
    // 論旨
    { id: 'r1', type: 'support', from: 'u-conclusion', to: 'u-thesis', note: '多様な評価ができる以上、求心力低下と単純には結論づけられない' },
    {
      id: 'r2',
      type: 'support',
      from: ['u-conclusion-fsu', 'i-one-cause'],
      to: 'u-thesis',
      note: '結合論証：事例が混在するという総括は、「原因が事例ごとに違えば一つの原因に帰せない」という書かれていない前提と合わせてはじめて論旨を支える（どちらか一方では足りない）',
    },
    { id: 'r3', type: 'attack', from: 'u-decline-view', to: 'u-thesis', note: '混乱は影響力低下によるという見方は論旨と対立する' },
    { id: 'r4', type: 'attack', from: 'u-conclusion-fsu', to: 'u-decline-view', note: '事例は様々で、一律に影響力低下とはいえない' },
    // コロナ外交
    { id: 'r5', type: 'support', from: 'u-covid-aid', to: 'u-covid-claim', note: '支援外交の広がり' },
    { id: 'r6', type: 'support', from: 'u-nato-statements', to: 'u-hybrid-war', note: 'NATO高官の発言がハイブリッド戦争論を示す' },
    { id: 'r7', type: 'attack', from: 'u-hybrid-war', to: 'u-covid-claim', note: '支援が敵対的工作なら影響力の拡大とはいえない' },
    { id: 'r8', type: 'attack', from: 'u-hybrid-rebuttal', to: 'u-hybrid-war', note: 'すべてをハイブリッド戦争とはいえない' },
    { id: 'r9', type: 'support', from: 'u-covid-gratitude', to: 'u-hybrid-rebuttal', note: '「からだ」：再反論の理由' },
    { id: 'r10', type: 'support', from: 'u-covid-gratitude', to: 'u-covid-claim', note: '感謝する国々の存在は影響力拡大を示す' },
    { id: 'r11', type: 'support', from: 'u-covid-claim', to: 'u-conclusion', note: 'コロナ外交は一定の成果（むすび）' },
    // ワクチン外交
    { id: 'r12', type: 'support', from: 'u-vaccine-adoption', to: 'u-vaccine-claim', note: '採用・製造の広がり' },
    { id: 'r13', type: 'support', from: 'u-vaccine-zeal', to: 'u-vaccine-claim', note: '開発への熱意' },
    { id: 'r14', type: 'attack', from: 'u-vaccine-unpopular', to: 'u-vaccine-claim', note: '人気のないワクチンは切り札になりにくい' },
    { id: 'r15', type: 'attack', from: 'u-vaccine-rebuttal', to: 'u-vaccine-unpopular', note: '「が」：価格・有効性・輸送の利点' },
    { id: 'r16', type: 'support', from: 'u-vaccine-claim', to: 'u-conclusion', note: 'ワクチン外交は2021年に成果をもたらしうる（むすび）' },
    // 欧米との関係悪化
    { id: 'r17', type: 'support', from: 'u-west-belarus', to: 'u-west-claim', note: '原因①' },
    { id: 'r18', type: 'support', from: 'u-west-navalny', to: 'u-west-claim', note: '原因②' },
    { id: 'r19', type: 'support', from: 'u-west-cyber', to: 'u-west-claim', note: '原因③' },
    { id: 'r20', type: 'support', from: 'u-west-claim', to: 'u-conclusion', note: 'マイナス面として評価の多様さを示す' },
    // ベラルーシ
    { id: 'r21', type: 'support', from: 'u-belarus-reason-risk', to: 'u-belarus-claim', note: '第一の理由' },
    { id: 'r22', type: 'support', from: 'u-belarus-reason-lukashenko', to: 'u-belarus-claim', note: '第二の理由' },
    { id: 'r23', type: 'support', from: 'u-belarus-reason-regime', to: 'u-belarus-claim', note: '第三の理由' },
    { id: 'r24', type: 'support', from: 'u-belarus-reason-spillover', to: 'u-belarus-claim', note: '第四の理由' },
    { id: 'r25', type: 'support', from: 'u-belarus-dependence', to: 'u-belarus-claim', note: '「逆に」：低下どころか影響力誇示もありうる' },
    { id: 'r26', type: 'support', from: 'u-belarus-claim', to: 'u-conclusion-fsu', note: 'ロシアがあえて黙認した（求心力低下ではない）事例' },
    // キルギス
    { id: 'r27', type: 'support', from: 'u-kyrgyz-domestic', to: 'u-kyrgyz-claim', note: '政変は国内政治の力学による' },
    { id: 'r28', type: 'support', from: 'u-kyrgyz-japarov', to: 'u-kyrgyz-claim', note: '新政権も対露関係を重視' },
    { id: 'r29', type: 'attack', from: 'u-kyrgyz-counter', to: 'u-kyrgyz-claim', note: '「とは言え」で退けられる将来の影響力低下の可能性' },
    { id: 'r30', type: 'support', from: 'u-kyrgyz-claim', to: 'u-conclusion-fsu', note: '影響力と無関係な事例' },
    // ナゴルノ・カラバフ
    { id: 'r31', type: 'support', from: 'u-karabakh-counter', to: 'u-decline-view', note: '影響力低下論の具体例' },
    { id: 'r32', type: 'attack', from: 'u-karabakh-rebuttal', to: 'u-karabakh-counter', note: '最終的には停戦を主導した' },
    { id: 'r33', type: 'support', from: 'u-karabakh-ceasefire', to: 'u-karabakh-rebuttal', note: 'ロシアの仲介による完全停戦' },
    { id: 'r34', type: 'support', from: 'u-karabakh-rebuttal', to: 'u-karabakh-claim', note: 'プラス面' },
    {
      id: 'r35',
      type: 'support',
      from: ['u-karabakh-presence', 'u-karabakh-minus'],
      to: 'u-karabakh-claim',
      note: '結合論証：「プラス・マイナスの両方の意味」はプラス面（駐留）とマイナス面（防空システム・集団防衛）がそろってはじめて言える',
    },
    { id: 'r37', type: 'support', from: 'u-karabakh-claim', to: 'u-conclusion-fsu', note: '最終的にロシアの影響力を見せつけた事例' },
    // モルドヴァ
    {
      id: 'r38',
      type: 'support',
      from: 'u-moldova-counter',
      to: 'u-decline-view',
      scheme: 'example',
      criticalQuestions: [
        { id: 'true', answer: 'サンドゥがドドンを破ったこと、それを影響力低下とする分析が目立ったことは本文どおりの事実' },
        { id: 'supports', answer: '親露派の敗北は影響力低下の実例に見えるが、本文はドドンを見放した結果と読む（r40）' },
        { id: 'typical', answer: 'ベラルーシ・キルギスは低下と言えない事例で、典型とは言いにくい' },
        { id: 'strength', answer: '四つの事例のうち一つで、一般化は弱い' },
        { id: 'circumstances', answer: 'ロシアがあらかじめドドンから距離を取っていたという特殊な事情がある' },
      ],
      note: '例からの議論：モルドヴァの選挙結果を「影響力低下」という一般的な見方の実例として挙げている',
    },
    {
      id: 'r39',
      type: 'support',
      from: 'u-moldova-hostile',
      to: 'u-moldova-counter',
      scheme: 'sign',
      criticalQuestions: [
        { id: 'correlation', answer: '新大統領の反露的な態度は影響力低下と結びつきうるが、必ずそうとは限らない' },
        { id: 'alternatives', answer: 'ロシアが先にドドンを見放していたことの方がよく説明する（本文「まず、」以下）' },
      ],
      note: '兆候からの議論：サンドゥの敵対的な言動を、ロシアが影響力を失った兆候として読んでいる',
    },
    {
      id: 'r40',
      type: 'attack',
      from: 'u-moldova-rebuttal',
      to: 'r39',
      note: '論駁（アンダーカッター）：「このような流れを見ると…見えるかもしれないが、その見方は単純すぎる」は敵対的な言動という事実を認めたうえで、そこから影響力喪失を導く推論を攻撃している',
    },
    { id: 'r41', type: 'support', from: 'u-moldova-abandoned', to: 'u-moldova-claim', note: 'ロシアはドドンを見放していた' },
    { id: 'r42', type: 'support', from: 'u-moldova-claim', to: 'u-moldova-rebuttal', note: '「つまり」：再反論の理由' },
    { id: 'r43', type: 'support', from: 'u-moldova-claim', to: 'u-conclusion-fsu', note: 'ロシアがあえて突き放した事例' },
  ],
};

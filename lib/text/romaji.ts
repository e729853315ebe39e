// Kana → rōmaji (Hepburn), for readings in the English UI. Pure and small: hiragana and katakana
// (katakana are read as their hiragana), yōon (きゃ kya, しゅ shu, ちょ cho), sokuon (っ doubles
// the next consonant, っち → tchi), ん as n (n' before a vowel or y: きんえん kin'en), and ー
// as the previous vowel again. Long vowels are spelled as the kana spell them (とうきょう
// toukyou), without macrons: the kana stay recoverable and the reading matches the dictionary's.
// Particles: with `particle: true` は and へ alone are read wa and e, as they are spoken (を is
// o anyway). A っ with no consonant after it (at the end, before a vowel) is not written.
// Anything that is not kana (kanji, Latin, punctuation) passes through unchanged.

const BASE: Record<string, string> = {
  あ: 'a', い: 'i', う: 'u', え: 'e', お: 'o',
  か: 'ka', き: 'ki', く: 'ku', け: 'ke', こ: 'ko',
  が: 'ga', ぎ: 'gi', ぐ: 'gu', げ: 'ge', ご: 'go',
  さ: 'sa', し: 'shi', す: 'su', せ: 'se', そ: 'so',
  ざ: 'za', じ: 'ji', ず: 'zu', ぜ: 'ze', ぞ: 'zo',
  た: 'ta', ち: 'chi', つ: 'tsu', て: 'te', と: 'to',
  だ: 'da', ぢ: 'ji', づ: 'zu', で: 'de', ど: 'do',
  な: 'na', に: 'ni', ぬ: 'nu', ね: 'ne', の: 'no',
  は: 'ha', ひ: 'hi', ふ: 'fu', へ: 'he', ほ: 'ho',
  ば: 'ba', び: 'bi', ぶ: 'bu', べ: 'be', ぼ: 'bo',
  ぱ: 'pa', ぴ: 'pi', ぷ: 'pu', ぺ: 'pe', ぽ: 'po',
  ま: 'ma', み: 'mi', む: 'mu', め: 'me', も: 'mo',
  や: 'ya', ゆ: 'yu', よ: 'yo',
  ら: 'ra', り: 'ri', る: 'ru', れ: 're', ろ: 'ro',
  わ: 'wa', ゐ: 'i', ゑ: 'e', を: 'o', ん: 'n', ゔ: 'vu',
  ぁ: 'a', ぃ: 'i', ぅ: 'u', ぇ: 'e', ぉ: 'o', ゃ: 'ya', ゅ: 'yu', ょ: 'yo', ゎ: 'wa',
};

/// Kana + small ゃ/ゅ/ょ (and the few small-vowel pairs of loanwords) read as one syllable.
const DIGRAPHS: Record<string, string> = {
  しゃ: 'sha', しゅ: 'shu', しょ: 'sho', しぇ: 'she',
  じゃ: 'ja', じゅ: 'ju', じょ: 'jo', じぇ: 'je',
  ちゃ: 'cha', ちゅ: 'chu', ちょ: 'cho', ちぇ: 'che',
  ぢゃ: 'ja', ぢゅ: 'ju', ぢょ: 'jo',
  ふぁ: 'fa', ふぃ: 'fi', ふぇ: 'fe', ふぉ: 'fo',
  てぃ: 'ti', でぃ: 'di', とぅ: 'tu', どぅ: 'du',
  うぃ: 'wi', うぇ: 'we', うぉ: 'wo',
  ゔぁ: 'va', ゔぃ: 'vi', ゔぇ: 've', ゔぉ: 'vo',
};
for (const k of ['き', 'ぎ', 'に', 'ひ', 'び', 'ぴ', 'み', 'り']) {
  const c = BASE[k].slice(0, -1);
  DIGRAPHS[`${k}ゃ`] = `${c}ya`;
  DIGRAPHS[`${k}ゅ`] = `${c}yu`;
  DIGRAPHS[`${k}ょ`] = `${c}yo`;
}

/// Katakana → hiragana (ァ–ヶ, ヽ, ヾ); the rest unchanged.
function hiragana(s: string): string {
  return s.replace(/[\u30a1-\u30f6\u30fd\u30fe]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

export function toRomaji(kana: string, options: { particle?: boolean } = {}): string {
  const s = hiragana(kana);
  if (options.particle) {
    if (s === 'は') return 'wa';
    if (s === 'へ') return 'e';
  }
  let out = '';
  let double = false;
  for (let i = 0; i < s.length; ) {
    const pair = s.slice(i, i + 2);
    const c = s[i];
    let syllable: string;
    if (DIGRAPHS[pair]) {
      syllable = DIGRAPHS[pair];
      i += 2;
    } else if (c === 'っ') {
      double = true;
      i += 1;
      continue;
    } else if (c === 'ー') {
      syllable = /[aeiou]$/.exec(out)?.[0] ?? '';
      i += 1;
    } else {
      syllable = BASE[c] ?? c;
      i += 1;
      if (c === 'ん' && /^[aeiouy]/.test(romajiAt(s, i))) syllable = "n'";
    }
    if (double) {
      // っ doubles the consonant that follows; before ch Hepburn writes t (matcha).
      out += syllable.startsWith('ch') ? 't' : /^[bcdfghjkmnprstvwz]/.test(syllable) ? syllable[0] : '';
      double = false;
    }
    out += syllable;
  }
  return out;
}

/// The rōmaji of the syllable at `i` (for ん's apostrophe).
function romajiAt(s: string, i: number): string {
  return DIGRAPHS[s.slice(i, i + 2)] ?? BASE[s[i]] ?? '';
}

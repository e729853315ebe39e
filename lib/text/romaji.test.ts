// Kana → rōmaji (Hepburn, no macrons), table-driven: plain kana, voiced and p-sounds, yōon,
// sokuon (including っち → tchi), ん before vowels and y, ー, katakana, particles, passthrough.
import { describe, expect, it } from 'vitest';
import { toRomaji } from './romaji';

describe('toRomaji', () => {
  it.each([
    ['にほんご', 'nihongo'],
    ['しんぶん', 'shinbun'],
    ['ちず', 'chizu'],
    ['つなみ', 'tsunami'],
    ['ふじさん', 'fujisan'],
    ['がいこう', 'gaikou'],
    ['ぱんだ', 'panda'],
    ['きゃく', 'kyaku'],
    ['しゅちょう', 'shuchou'],
    ['じょうほう', 'jouhou'],
    ['りょこう', 'ryokou'],
    ['にゅうしゃ', 'nyuusha'],
    ['がっこう', 'gakkou'],
    ['まっちゃ', 'matcha'],
    ['きって', 'kitte'],
    ['いっしょ', 'issho'],
    ['きんえん', "kin'en"],
    ['こんや', "kon'ya"],
    ['ほん', 'hon'],
    ['ろしあ', 'roshia'],
    ['ロシア', 'roshia'],
    ['プーチン', 'puuchin'],
    ['ティー', 'tii'],
    ['ファイル', 'fairu'],
    ['を', 'o'],
    ['あっ', 'a'],
    ['2020ねん', '2020nen'],
    ['外交', '外交'],
  ])('%s → %s', (kana, romaji) => {
    expect(toRomaji(kana)).toBe(romaji);
  });

  it.each([
    ['は', 'wa'],
    ['へ', 'e'],
    ['を', 'o'],
    ['が', 'ga'],
  ])('particle %s → %s', (kana, romaji) => {
    expect(toRomaji(kana, { particle: true })).toBe(romaji);
  });
});

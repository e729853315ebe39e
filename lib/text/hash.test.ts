import { describe, expect, it } from 'vitest';
import { sha256Hex } from './hash';

describe('sha256Hex', () => {
  // Expected values from coreutils: printf '<text>' | sha256sum
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['日本語', '77710aedc74ecfa33685e33a6c7df5cc83004da1bdcef7fb280f5c2b2e97e0a5'],
    ['𠮷野家😀', 'b94b3bf8e7a2b4a413dd6bd9caf189e0aed82d77e29bc79cc4d1c63177f4b132'],
  ])('hashes the UTF-8 bytes of %j', (text, hex) => {
    expect(sha256Hex(text)).toBe(hex);
  });

  it('distinguishes NFC from NFD (canonicalize must normalize before hashing)', () => {
    expect(sha256Hex('が')).not.toBe(sha256Hex('が'.normalize('NFD')));
  });
});

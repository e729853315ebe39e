import { describe, expect, it } from 'vitest';
import { rontenMode } from './mode';

describe('rontenMode', () => {
  it.each([
    [undefined, 'solo'],
    ['', 'solo'],
    ['solo', 'solo'],
    ['classroom', 'classroom'],
    [' Classroom ', 'classroom'],
  ])('%j → %s', (value, mode) => {
    expect(rontenMode(value)).toBe(mode);
  });

  it('refuses an unknown mode, naming the allowed ones', () => {
    expect(() => rontenMode('class')).toThrow(/RONTEN_MODE="class".*"solo".*"classroom"/);
  });
});

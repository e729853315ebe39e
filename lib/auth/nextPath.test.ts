import { describe, expect, it } from 'vitest';
import { safeNextPath } from './nextPath';

describe('safeNextPath', () => {
  it('keeps a path on this site, with its query', () => {
    expect(safeNextPath('/documents/russia-diplomacy-2020')).toBe('/documents/russia-diplomacy-2020');
    expect(safeNextPath('/assignments/a?x=1#y')).toBe('/assignments/a?x=1#y');
  });

  it('sends everything else home', () => {
    for (const bad of [undefined, null, '', 'https://evil.example/', '//evil.example', '/\\evil.example', '/\\/evil.example', 'javascript:alert(1)', '/ok\n//evil', 'evil']) {
      expect(safeNextPath(bad)).toBe('/');
    }
  });

  it('sends a repeated ?next= (Next.js gives the page an array) home instead of throwing', () => {
    expect(safeNextPath(['/a', '/b'])).toBe('/');
    expect(safeNextPath(['//evil.example'])).toBe('/');
  });
});

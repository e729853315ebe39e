import { describe, expect, it } from 'vitest';
import { malformedPath } from './paths';

describe('malformedPath', () => {
  it.each([
    ['/api/maps/abc', null],
    ['/documents/%E8%AB%96%E7%82%B9', null],
    ['/api/maps/%F0%A0%AE%B7', null],
    ['/api/maps/a%20b?format=csv', null],
    ['/api/maps/x?format=%', null],
    ['/api/maps/%ED%A0%80', /not valid percent-encoded UTF-8/],
    ['/api/maps/%', /not valid percent-encoded UTF-8/],
    ['/api/maps/%ud800', /not valid percent-encoded UTF-8/],
    ['/api/maps/%E8%AB', /not valid percent-encoded UTF-8/],
    ['/documents/%', /not valid percent-encoded UTF-8/],
    ['/api/maps/a%00b', /U\+0000/],
    ['/documents/%00', /U\+0000/],
    ['/assignments/a/compare?a=%00', /query contains U\+0000/],
  ])('%s', (path, expected) => {
    const problem = malformedPath(`http://127.0.0.1:3000${path}`);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next-path';

describe('safeNextPath', () => {
  it('keeps paths on this site', () => {
    expect(safeNextPath('/security')).toBe('/security');
    expect(safeNextPath('/app-passwords?create=1')).toBe('/app-passwords?create=1');
  });

  it('refuses anything that could leave the site', () => {
    expect(safeNextPath('https://evil.example/')).toBe('/');
    expect(safeNextPath('//evil.example/')).toBe('/');
    expect(safeNextPath('/\\evil.example/')).toBe('/');
    expect(safeNextPath('javascript:alert(1)')).toBe('/');
    expect(safeNextPath(null)).toBe('/');
  });
});

// Where a sign-in may send the browser afterwards (src/http/web/view.ts safeNext): only somewhere on
// this site, however the `next` parameter is spelled.
import { describe, expect, it } from 'vitest';
import { safeNext } from '../../src/http/web/view.js';

describe('safeNext', () => {
  it('keeps local paths with their query and fragment', () => {
    expect(safeNext('/titles/love-in-the-big-city-2024')).toBe('/titles/love-in-the-big-city-2024');
    expect(safeNext('/search?q=th&type=titles#x')).toBe('/search?q=th&type=titles#x');
  });

  it('refuses anything a browser could read as another site', () => {
    for (const next of ['//evil.example/x', '/\\evil.example', '/\t/evil.example', '/\n/evil.example', '/\r//evil.example', 'https://evil.example', 'evil.example', '', undefined, 42, ['/a']]) {
      expect(safeNext(next), JSON.stringify(next)).toBe('/');
    }
  });
});

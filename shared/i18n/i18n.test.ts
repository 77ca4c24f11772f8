// The dictionary's runtime side: every key's two languages take the same `{name}` parameters (the
// compile-time parameter types are read from the Vietnamese text, so English must match it), and
// the checked path for keys read from outside the program (tStored).
import { DICTIONARY, isMessageKey, t, tStored } from './index';

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
// A pair of parameters named for their language (the rules' `colVi` / `colEn`) counts as one.
const shared = (text: string, own: 'Vi' | 'En') => placeholders(text).map((n) => (n.endsWith(own) ? n.slice(0, -2) + '*' : n));

describe('dictionary', () => {
  it('gives every key the same placeholders in Vietnamese and in English', () => {
    const mismatched = Object.entries(DICTIONARY)
      .filter(([, e]) => shared(e.vi, 'Vi').join() !== shared(e.en, 'En').join())
      .map(([k, e]) => `${k}: vi {${placeholders(e.vi).join(',')}} en {${placeholders(e.en).join(',')}}`);
    expect(mismatched).toEqual([]);
  });

  it('sees a parameter missing from one language', () => {
    expect(shared('Tệp "{file}" ({detail})', 'Vi').join()).not.toBe(shared('File "{file}"', 'En').join());
    expect(shared('{colVi}: {diff}', 'Vi').join()).toBe(shared('{colEn}: {diff}', 'En').join());
    expect(shared('{colVi}: {diff}', 'Vi').join()).not.toBe(shared('{colVi}: {diff}', 'En').join());
  });

  it('uses only {word} placeholders (the only form the parameter types and the filling read)', () => {
    const odd = Object.entries(DICTIONARY).flatMap(([k, e]) =>
      [e.vi, e.en].filter((s) => /\{(?!\w+\})/.test(s)).map(() => k),
    );
    expect(odd).toEqual([]);
  });
});

describe('t and tStored', () => {
  it('fill parameters the same way', () => {
    expect(t('en', 'error.not_found', { file: 'a.plandesk' })).toBe('File "a.plandesk" not found.');
    expect(tStored('en', 'error.not_found', { file: 'a.plandesk' })).toBe('File "a.plandesk" not found.');
    expect(tStored('vi', 'status.loadingRows', { loaded: 3, total: 10 })).toBe('Đang tải 3/10 dòng…');
  });

  it('tStored shows a key it does not know as itself, and leaves a missing parameter as written', () => {
    expect(tStored('vi', 'cli.usage')).toBe('cli.usage');
    expect(tStored('en', 'error.not_found')).toBe('File "{file}" not found.');
  });

  it('does not take inherited object names for keys', () => {
    for (const k of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      expect(isMessageKey(k)).toBe(false);
      expect(tStored('vi', k)).toBe(k);
    }
  });
});

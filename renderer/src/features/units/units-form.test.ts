import type { AgencySuggestion } from '../../../../shared/commands/units';
import { suggestionPicks } from './units-form';

const s = (name: string, patch: Partial<AgencySuggestion> = {}): AgencySuggestion => ({
  name, kind: 'department', lines: ['1'], unitId: null, needsChoice: false, spellings: [], ...patch,
});

describe('units taken from the lead agencies', () => {
  it('adds the ticked names and, for a collective, the units typed for it, each once', () => {
    const list = [
      s('Sở Y tế'),
      s('UBND huyện Tuy Đức', { kind: 'district' }),
      s('UBND các huyện, thành phố', { needsChoice: true, kind: 'other' }),
      s('Sở Lao động - Thương binh và Xã hội', { unitId: 7 }),
      s('Sở Nông nghiệp'),
    ];
    const picks = suggestionPicks(list, [
      { checked: true, names: '' },
      { checked: true, names: '' },
      { checked: true, names: 'UBND huyện Krông Nô\nUBND thành phố Gia Nghĩa; UBND huyện Tuy Đức,  UBND huyện Đăk Glong\n\nUBND huyện Đắk Glong' },
      { checked: true, names: '' },
      { checked: false, names: '' },
    ]);
    expect(picks).toEqual([
      { name: 'Sở Y tế', kind: 'department' },
      { name: 'UBND huyện Tuy Đức', kind: 'district' },
      { name: 'UBND huyện Krông Nô', kind: 'district' },
      { name: 'UBND thành phố Gia Nghĩa', kind: 'district' },
      // "Đăk Glong" and "Đắk Glong" are one unit: added once.
      { name: 'UBND huyện Đăk Glong', kind: 'district' },
    ]);
  });

  it('adds nothing for a collective left without names', () => {
    expect(suggestionPicks([s('UBND các huyện, thành phố', { needsChoice: true })], [{ checked: true, names: ' \n ' }])).toEqual([]);
  });
});

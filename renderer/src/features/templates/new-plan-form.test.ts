// The New-plan dialog's logic: the template follows the program in force for the year until the
// person picks one; the blank plan's columns; what is sent (browser mode with paths, Electron
// without); the word when a template is for other years; next year's offer when the program changes.
import { describe, expect, it } from 'vitest';
import { chosenTemplate, initialForm, nextYearTemplate, requestOf, withChoice, withYear, yearMismatch } from './new-plan-form';

describe('the New-plan form', () => {
  it('starts on the program in force for the year, and follows the year until a template is picked', () => {
    let f = initialForm(2026);
    expect(f.choice).toBe('mtqg-2026-2035');
    f = withYear(f, '2024');
    expect(f).toMatchObject({ choice: 'mtqg-gnbv-2021-2025', columnsFrom: 'mtqg-gnbv-2021-2025' });
    f = withYear(f, '20'); // being typed: nothing changes but the text
    expect(f).toMatchObject({ choice: 'mtqg-gnbv-2021-2025', year: '20' });
    f = withYear(f, '2027');
    expect(f.choice).toBe('mtqg-2026-2035');
    f = withChoice(f, 'blank');
    f = withYear(f, '2024');
    expect(f.choice).toBe('blank');
  });

  it('sends the built-in id (the blank plan with its columns), the year, and paths only in browser mode', () => {
    const f = withYear(initialForm(2026), '2027');
    expect(requestOf(f, false)).toEqual({ template: { kind: 'builtin', id: 'mtqg-2026-2035' }, year: 2027, path: '' });
    expect(requestOf(f, true)).toBeNull(); // browser mode needs the path
    expect(requestOf({ ...f, path: ' /tmp/a.plandesk ' }, true)).toEqual({ template: { kind: 'builtin', id: 'mtqg-2026-2035' }, year: 2027, path: '/tmp/a.plandesk' });
    const blank = { ...withChoice(f, 'blank'), columnsFrom: 'mtqg-gnbv-2021-2025' as const };
    expect(requestOf(blank, false)?.template).toEqual({ kind: 'builtin', id: 'blank', columnsFrom: 'mtqg-gnbv-2021-2025' });
    expect(chosenTemplate(blank)?.columns.map((c) => c.key)).not.toContain('von_tin_dung_chinh_sach');
    const file = withChoice(f, 'file');
    expect(requestOf(file, false)?.template).toEqual({ kind: 'file', path: '' });
    expect(requestOf({ ...file, path: 'a.plandesk' }, true)).toBeNull();
    expect(requestOf({ ...file, path: 'a.plandesk', templatePath: 'm.pdtemplate' }, true)?.template).toEqual({ kind: 'file', path: 'm.pdtemplate' });
    expect(requestOf(withYear(f, '27'), false)).toBeNull();
  });

  it('says when the chosen template is for other years (the 2021–2025 structure for 2027)', () => {
    const f = withChoice(withYear(initialForm(2026), '2027'), 'mtqg-gnbv-2021-2025');
    expect(yearMismatch(f)).toEqual({ from: 2021, to: 2025, year: 2027 });
    expect(yearMismatch(withChoice(f, 'mtqg-2026-2035'))).toBeNull();
    expect(yearMismatch(withChoice(f, 'blank'))).toBeNull();
  });

  it('the 2026–2035 template carries its note on the component list', () => {
    expect(chosenTemplate(initialForm(2027))?.note?.vi).toMatch(/đối chiếu với quyết định giao kế hoạch của tỉnh/);
  });
});

describe('next year\'s plan', () => {
  it('offers the merged program from a 2024 or 2025 plan for 2026 on, nothing while the program goes on', () => {
    expect(nextYearTemplate(2025, 2026)?.id).toBe('mtqg-2026-2035');
    expect(nextYearTemplate(2024, 2027)?.id).toBe('mtqg-2026-2035');
    expect(nextYearTemplate(2024, 2025)).toBeNull();
    expect(nextYearTemplate(2026, 2027)).toBeNull();
    expect(nextYearTemplate(2035, 2036)).toBeNull();
  });
});

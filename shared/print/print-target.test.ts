import { PLAN_ANNEX, printTargetSchema, printViewHash, targetAnnexNumber } from './print-target';

describe('the annex a print names', () => {
  it('is the print view address PrintRoute reads: the plan annex, or an allocation annex with its column, number and title', () => {
    expect(printViewHash(PLAN_ANNEX)).toBe('/print');
    expect(printViewHash(PLAN_ANNEX, { chunked: true })).toBe('/print?chunked=1');
    const hash = printViewHash({ annex: 'allocation', column: 'central_recurrent', annexNumber: 'II', title: 'Vốn & ngân sách? #1' }, { print: true });
    // PrintRoute reads the part after "?" with URLSearchParams: every text comes back whole.
    const q = new URLSearchParams(hash.split('?')[1]);
    expect(hash.startsWith('/print?')).toBe(true);
    expect(Object.fromEntries(q)).toEqual({ annex: 'allocation', column: 'central_recurrent', number: 'II', title: 'Vốn & ngân sách? #1', print: '1' });
    expect(printViewHash({ annex: 'allocation', column: 'other' })).toBe('/print?annex=allocation&column=other');
  });

  it('is checked when it comes from a page: unknown annexes, missing or overlong fields refused', () => {
    expect(printTargetSchema.safeParse({ annex: 'plan' }).success).toBe(true);
    expect(printTargetSchema.safeParse({ annex: 'allocation', column: 'x' }).success).toBe(true);
    for (const bad of [{ annex: 'allocation' }, { annex: 'units', column: 'x' }, { annex: 'plan', column: 'x' }, { annex: 'allocation', column: 'x'.repeat(65) }, 'plan', null]) {
      expect(printTargetSchema.safeParse(bad).success).toBe(false);
    }
  });

  it('gives a PDF its annex number: the allocation annex’s own, else the plan’s', () => {
    expect(targetAnnexNumber({ annex: 'allocation', column: 'x', annexNumber: ' III ' }, 'II')).toBe('III');
    expect(targetAnnexNumber({ annex: 'allocation', column: 'x', annexNumber: '' }, 'II')).toBe('II');
    expect(targetAnnexNumber(PLAN_ANNEX, undefined)).toBe('I');
  });
});

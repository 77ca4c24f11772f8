import { describe, expect, it } from 'vitest';
import { SAMPLE_META } from '../../../../shared/samples/dak-nong-2024';
import { changedMeta, fromPlanForm, toPlanForm } from './plan-form';

describe('the plan-details form', () => {
  it('shows the sample plan’s details, the date the Vietnamese way, and gives them back unchanged', () => {
    const form = toPlanForm(SAMPLE_META);
    expect(form.docDate).toBe('29/02/2024');
    expect(form.year).toBe('2024');
    const back = fromPlanForm(form);
    expect(back).toEqual({ ok: true, meta: SAMPLE_META });
    expect(changedMeta(SAMPLE_META, SAMPLE_META)).toEqual({});
  });
  it('sends only what changed', () => {
    const r = fromPlanForm({ ...toPlanForm(SAMPLE_META), docNumber: ' 130/KH-UBND ', unit: 'ty', signer: 'Nguyễn Văn A' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(changedMeta(SAMPLE_META, r.meta)).toEqual({
      docNumber: '130/KH-UBND', unit: 'ty', signature: { ...SAMPLE_META.signature, signer: 'Nguyễn Văn A' },
    });
  });
  it('says which fields cannot be taken, and why', () => {
    const r = fromPlanForm({ ...toPlanForm(SAMPLE_META), program: '  ', year: '24', docDate: '30/02/2024', place: 'x'.repeat(201) });
    expect(r).toEqual({
      ok: false,
      errors: {
        program: { key: 'plan.error.required' },
        year: { key: 'plan.error.year' },
        docDate: { key: 'plan.error.date' },
        place: { key: 'plan.error.tooLong', params: { max: 200 } },
      },
    });
  });
  it('takes a blank date as "no date"', () => {
    const r = fromPlanForm({ ...toPlanForm(SAMPLE_META), docDate: '' });
    expect(r.ok && r.meta.docDate).toBe('');
  });
  it('takes the annex number, "TM. …" and the recipients one a line (blank lines dropped)', () => {
    const r = fromPlanForm({ ...toPlanForm(SAMPLE_META), annexNumber: ' II ', onBehalf: 'TM. ỦY BAN NHÂN DÂN', recipients: '- Như trên; \r\n\n- Lưu: VT.\n' });
    expect(r.ok && r.meta).toMatchObject({ annexNumber: 'II', signature: { onBehalf: 'TM. ỦY BAN NHÂN DÂN', recipients: '- Như trên;\n- Lưu: VT.' } });
    expect(fromPlanForm({ ...toPlanForm(SAMPLE_META), annexNumber: 'X'.repeat(21) })).toMatchObject({ ok: false, errors: { annexNumber: { key: 'plan.error.tooLong' } } });
  });
  it('fills the new fields of a plan written before them', () => {
    const { annexNumber: _n, ...old } = SAMPLE_META;
    const form = toPlanForm({ ...old, signature: { authority: 'KT. CHỦ TỊCH', title: '', signer: '', preparedBy: '' } });
    expect(form).toMatchObject({ annexNumber: 'I', onBehalf: '', recipients: '' });
  });
});

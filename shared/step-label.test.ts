import { describe, expect, it } from 'vitest';
import { labelText, stepLabel, stepLabelFrom } from './step-label';

describe('step labels', () => {
  it('name a step in the language of the window that shows it', () => {
    const stored = stepLabel('transfer.undo.replace', { file: 'phu-luc.xlsx' });
    expect(labelText('vi', stored)).toBe('Nhập từ Excel: thay bảng bằng "phu-luc.xlsx"');
    expect(labelText('en', stored)).toBe('Import from Excel: table replaced by "phu-luc.xlsx"');
    expect(labelText('en', stepLabel('undo.paste'))).toBe('Paste');
  });
  it('show labels written by earlier versions (plain text) as written', () => {
    expect(labelText('en', 'Sửa ô')).toBe('Sửa ô');
    expect(labelText('en', '{không phải JSON')).toBe('{không phải JSON');
    expect(labelText('en', '{"key":"no.such.key"}')).toBe('{"key":"no.such.key"}');
  });
  it('store a label given as a message key as one, and other text as it came', () => {
    expect(labelText('en', stepLabelFrom('print.undo', 'undo.settings'))).toBe('Change print settings');
    expect(stepLabelFrom('Đổi cỡ chữ', 'undo.settings')).toBe('Đổi cỡ chữ');
    expect(labelText('en', stepLabelFrom(undefined, 'undo.settings'))).toBe('Edit settings');
  });
});

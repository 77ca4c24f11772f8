// Program templates in the engine, on real files: template files written and read back (and the
// files we refuse to read or write), a new plan from each kind of template through the Workspace's
// commands, next year's plan under the new program, and File → New's default for this year.
import fs from 'node:fs';
import path from 'node:path';
import type { CommandName, CommandResults } from '../../../shared/ipc';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { labelText } from '../../../shared/step-label';
import { builtinTemplate, POLICY_CREDIT_KEY, programTemplateIdForYear, serializeTemplate, TEMPLATE_LIMITS } from '../../../shared/templates';
import { tempDir } from '../../../test/support/tmp';
import { PlanDeskError } from '../errors';
import { readLineage } from '../history/lineage';
import { PlanSession } from '../session';
import { createCycleFile } from '../store/cycle-file';
import { Workspace } from '../workspace';
import { readTemplateFile, writeTemplateFile } from './template-file';

async function ok<K extends CommandName>(ws: Workspace, name: K, args: unknown): Promise<CommandResults[K]> {
  const r = await ws.handle(name, args);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return r.value;
}

async function refused(ws: Workspace, name: CommandName, args: unknown): Promise<{ code: string; params?: Record<string, unknown> }> {
  const r = await ws.handle(name, args);
  if (r.ok) throw new Error(`${name} was accepted`);
  return r.error;
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return e instanceof PlanDeskError ? e.code : String(e);
  }
  return 'accepted';
}

function samplePlan(dir: string): string {
  const file = path.join(dir, 'dak-nong-2024.plandesk');
  createCycleFile(file, sampleCycle());
  return file;
}

describe('template files', () => {
  it('a template written is read back exactly', () => {
    const dir = tempDir();
    const tpl = builtinTemplate('mtqg-2026-2035', 2027)!;
    const file = writeTemplateFile(path.join(dir, 'mtqg.pdtemplate'), tpl);
    expect(readTemplateFile(file)).toEqual({ ...tpl, id: 'file' });
    // Written under a temporary name and renamed: nothing else is left in the folder.
    expect(fs.readdirSync(dir)).toEqual(['mtqg.pdtemplate']);
  });

  it('never writes over a plan, a plan\'s side file or lock; a template it could not read back is not written', () => {
    const dir = tempDir();
    const plan = samplePlan(dir);
    const before = fs.readFileSync(plan);
    const tpl = builtinTemplate('blank', 2027)!;
    expect(codeOf(() => writeTemplateFile(plan, tpl))).toBe('error.write_target.is_plan');
    expect(fs.readFileSync(plan).equals(before)).toBe(true);
    expect(codeOf(() => writeTemplateFile(path.join(dir, '.~lock.dak-nong-2024.plandesk#'), tpl))).toBe('error.write_target.lock_file');
    const deep = { ...tpl, lines: Array.from({ length: TEMPLATE_LIMITS.depth + 1 }, (_, i) => ({ parent: i ? i - 1 : null, code: String(i), name: 'x', allowedCapital: null, isAdjustment: false })) };
    expect(codeOf(() => writeTemplateFile(path.join(dir, 'deep.pdtemplate'), deep))).toBe('template.error.invalid');
    expect(fs.existsSync(path.join(dir, 'deep.pdtemplate'))).toBe(false);
  });

  it('refuses a missing file, a folder, a plan, a huge file (before reading it) and garbage, each with its message', () => {
    const dir = tempDir();
    expect(codeOf(() => readTemplateFile(path.join(dir, 'none.pdtemplate')))).toBe('error.not_found');
    expect(codeOf(() => readTemplateFile(dir))).toBe('template.error.not_template');
    expect(codeOf(() => readTemplateFile(samplePlan(dir)))).toBe('template.error.not_template');
    const huge = path.join(dir, 'huge.pdtemplate');
    fs.writeFileSync(huge, '');
    fs.truncateSync(huge, TEMPLATE_LIMITS.bytes + 1); // sparse: no memory or disk used
    expect(codeOf(() => readTemplateFile(huge))).toBe('template.error.too_big');
    const junk = path.join(dir, 'junk.pdtemplate');
    fs.writeFileSync(junk, Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x22]));
    expect(codeOf(() => readTemplateFile(junk))).toBe('template.error.not_template');
    const cut = path.join(dir, 'cut.pdtemplate');
    const text = serializeTemplate(builtinTemplate('mtqg-gnbv-2021-2025', 2024)!);
    fs.writeFileSync(cut, text.slice(0, text.length / 2));
    expect(codeOf(() => readTemplateFile(cut))).toBe('template.error.not_template');
  });
});

describe('a new plan from a template (File → New plan)', () => {
  it('the 2026–2035 program: its name, columns (policy credit), three parts, no counterpart level; a change-log note', async () => {
    const dir = tempDir();
    const ws = new Workspace();
    ws.open(samplePlan(dir));
    const target = path.join(dir, 'mtqg-2027.plandesk');
    const r = await ok(ws, 'templates/newPlan', { template: { kind: 'builtin', id: 'mtqg-2026-2035' }, year: 2027, path: target });
    expect(r.file.path).toBe(target);
    expect(r.template.note?.vi).toMatch(/đối chiếu với quyết định/);
    const snap = ws.session!.snapshot();
    expect(snap.meta.year).toBe(2027);
    expect(snap.meta.program).toMatch(/nông thôn mới.*2026-2035$/);
    expect(snap.meta.issuer).toBe('');
    expect(snap.columns.map((c) => c.key)).toContain(POLICY_CREDIT_KEY);
    expect(snap.rows.map((row) => row.code)).toEqual(['I', 'II', 'III']);
    expect(ws.session!.cycle().rules.counterpartMinPercent).toBeNull();
    expect(ws.session!.cycle().amounts).toEqual([]);
    const audit = await ok(ws, 'history/audit', { filter: {}, offset: 0, limit: 10 });
    expect(audit.rows.map((row) => labelText('vi', row.label))).toEqual([expect.stringMatching(/^Tạo từ mẫu "Chương trình MTQG 2026–2035.*" cho năm 2027$/)]);
    ws.close();
  });

  it('refuses an existing file (left as it was), the open plan and an unknown template', async () => {
    const dir = tempDir();
    const ws = new Workspace();
    const open = samplePlan(dir);
    ws.open(open);
    const other = path.join(dir, 'other.plandesk');
    createCycleFile(other, sampleCycle());
    const before = fs.readFileSync(other);
    expect((await refused(ws, 'templates/newPlan', { template: { kind: 'builtin', id: 'blank' }, year: 2027, path: other })).code).toBe('error.exists');
    expect(fs.readFileSync(other).equals(before)).toBe(true);
    expect((await refused(ws, 'templates/newPlan', { template: { kind: 'builtin', id: 'blank' }, year: 2027, path: open })).code).toBe('error.write_target.open_here');
    const unknown = await refused(ws, 'templates/newPlan', { template: { kind: 'builtin', id: 'mtqg-2040' }, year: 2027, path: path.join(dir, 'x.plandesk') });
    expect(unknown).toMatchObject({ code: 'template.error.unknown', params: { id: 'mtqg-2040' } });
    expect(fs.existsSync(path.join(dir, 'x.plandesk'))).toBe(false);
    expect(ws.session!.info.path).toBe(open);
    ws.close();
  });

  it('a plan\'s structure saved as a template starts a new plan with the same lines and columns, without figures or agencies', async () => {
    const dir = tempDir();
    const ws = new Workspace();
    ws.open(samplePlan(dir));
    const tplFile = path.join(dir, 'dak-nong.pdtemplate');
    const saved = await ok(ws, 'templates/save', { name: '  Mẫu Đắk Nông 2024  ', path: tplFile });
    expect(saved).toEqual({ path: tplFile, lines: sampleCycle().lines.length });
    expect(readTemplateFile(tplFile).name).toEqual({ vi: 'Mẫu Đắk Nông 2024', en: 'Mẫu Đắk Nông 2024' });
    const target = path.join(dir, 'tu-mau.plandesk');
    await ok(ws, 'templates/newPlan', { template: { kind: 'file', path: tplFile }, year: 2025, path: target });
    const c = ws.session!.cycle();
    const seed = sampleCycle();
    expect(c.lines.map((l) => [l.id, l.parentId, l.position, l.code, l.name, l.allowedCapital])).toEqual(seed.lines.map((l) => [l.id, l.parentId, l.position, l.code, l.name, l.allowedCapital]));
    expect(c.lines.every((l) => l.agency === '' && l.note === '')).toBe(true);
    expect(c.columns).toEqual(expect.arrayContaining(seed.columns));
    expect(c.amounts).toEqual([]);
    expect(c.meta).toMatchObject({ program: seed.meta.program, year: 2025, unit: 'trieu' });
    ws.close();
  });

  it('a hostile template file ends in its message; no plan file appears', async () => {
    const dir = tempDir();
    const ws = new Workspace();
    ws.open(samplePlan(dir));
    const bad = path.join(dir, 'bad.pdtemplate');
    fs.writeFileSync(bad, JSON.stringify({ format: 'plandesk-template', version: 1, lines: 'x' }));
    const target = path.join(dir, 'x.plandesk');
    expect((await refused(ws, 'templates/newPlan', { template: { kind: 'file', path: bad }, year: 2027, path: target })).code).toBe('template.error.invalid');
    expect(fs.existsSync(target)).toBe(false);
    ws.close();
  });
});

describe('next year\'s plan under the program in force', () => {
  it('from a 2025 plan: the 2026–2035 template, this plan\'s issuer and signature, no figures, not the same lineage', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'giam-ngheo-2025.plandesk');
    createCycleFile(file, { ...sampleCycle(), meta: { ...sampleCycle().meta, year: 2025 } });
    const ws = new Workspace();
    ws.open(file);
    await ok(ws, 'settings/set', { key: 'editing', value: { autoNumber: false, levels: null } });
    const target = path.join(dir, 'mtqg-2026.plandesk');
    const r = await ok(ws, 'templates/nextYear', { template: { kind: 'builtin', id: programTemplateIdForYear(2026) }, year: 2026, path: target, docNumber: '15/KH-UBND' });
    expect(r.template.id).toBe('mtqg-2026-2035');
    const s = ws.session!;
    expect(s.meta).toMatchObject({ year: 2026, docNumber: '15/KH-UBND', docDate: '', issuer: 'Ủy ban nhân dân tỉnh Đắk Nông', signature: sampleCycle().meta.signature });
    expect(s.meta.program).toMatch(/2026-2035$/);
    expect(s.cycle().amounts).toEqual([]);
    expect(s.cycle().lines.map((l) => l.code)).toEqual(['I', 'II', 'III']);
    expect(s.setting('editing')).toEqual({ autoNumber: false, levels: null });
    // A new structure: its line ids are not the old plan's lines, so it starts a lineage of its own.
    const old = PlanSession.open(file, { readOnly: true });
    expect(readLineage(s.db)).not.toBe(readLineage(old.db));
    old.close();
    ws.close();
  });
});

describe('File → New without choosing a template', () => {
  it('takes the program in force this year: from 2026 never the 2021–2025 program', () => {
    const dir = tempDir();
    const ws = new Workspace();
    const file = path.join(dir, 'moi.plandesk');
    ws.create(file);
    const year = new Date().getFullYear();
    const meta = ws.session!.meta;
    expect(meta.year).toBe(year);
    expect(meta.program).toBe(builtinTemplate(programTemplateIdForYear(year), year)!.program);
    if (year >= 2026) expect(meta.program).not.toBe(sampleCycle().meta.program);
    ws.close();
  });
});

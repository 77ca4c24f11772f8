// `plandesk import REPORT --into PLAN --as-of DATE`: a disbursement report into an existing plan
// through the window's command (backup first, one undo step), its report as JSON and text, and the
// refusals of a bad --as-of.
import fs from 'node:fs';
import path from 'node:path';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { tempDir } from '../../../test/support/tmp';
import { PlanSession } from '../../engine/session';
import { createCycleFile } from '../../engine/store/cycle-file';
import { EXIT } from '../io';
import { main } from '../main';

const M = 1_000_000;
const REPORT = path.resolve(__dirname, '../../../test/fixtures/execution/bao-cao-9-thang-2024.ods');

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (s) => out.push(s), stderr: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function plan(): string {
  const file = path.join(tempDir(), 'plan.plandesk');
  createCycleFile(file, sampleCycle());
  return file;
}

describe('plandesk import --into --as-of', () => {
  const env = process.env.PLANDESK_DATA_DIR;
  beforeEach(() => {
    process.env.PLANDESK_DATA_DIR = tempDir();
  });
  afterEach(() => {
    if (env === undefined) delete process.env.PLANDESK_DATA_DIR;
    else process.env.PLANDESK_DATA_DIR = env;
  });

  it('writes the figures as of the date given, with a backup first, and reports as JSON', async () => {
    const file = plan();
    const r = await cli('import', REPORT, '--into', file, '--as-of', '2024-10-05', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(EXIT.ok);
    const j = JSON.parse(r.out);
    expect(j.kind).toBe('execution');
    expect(j.asOf).toBe('2024-10-05');
    expect(j.fileAsOf).toBe('2024-09-30');
    expect(j.written).toBe(36);
    expect(j.notPlaced[0].message).toContain('ĐTPT');
    // A backup of the plan as it was was taken before writing.
    const backups = fs.readdirSync(process.env.PLANDESK_DATA_DIR!, { recursive: true }).map(String);
    expect(backups.some((f) => f.endsWith('.plandesk'))).toBe(true);
    const s = PlanSession.open(file, { readOnly: true });
    const d = s.execution.dateByAsOf('2024-10-05')!;
    expect(d.kind).toBe('other');
    const line2 = s.snapshot().rows.find((x) => x.code === '2')!.id;
    expect(s.execution.getFigure({ dateId: d.id, lineId: line2, column: 'central_recurrent', unitId: null, measure: 'disbursed', fund: 0 })).toBe(25_300 * M);
    s.close();
  });

  it('reads the date from the heading without --as-of, and says what it did in Vietnamese', async () => {
    const file = plan();
    const r = await cli('import', REPORT, '--into', file, '--kind', 'execution');
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain('đến ngày 30/9/2024');
    expect(r.out).toContain('Đã thêm kỳ báo cáo ngày 30/9/2024');
    expect(r.out).toContain('không tự chia');
    expect(r.out).toContain('Đã ghi 36 số liệu');
  });

  it('recognises a disbursement report by itself (no --kind, no --as-of): the date from its heading', async () => {
    const file = plan();
    const r = await cli('import', path.resolve(__dirname, '../../../test/fixtures/execution/bao-cao-6-thang-2024.xlsx'), '--into', file, '--json');
    expect(r.err).toBe('');
    const j = JSON.parse(r.out);
    expect(j.kind).toBe('execution');
    expect(j.asOf).toBe('2024-06-30');
    expect(j.written).toBe(48);
    expect(j.planDifferences).toHaveLength(4);
  });

  it('refuses a bad --as-of, or one without --into (exit 2)', async () => {
    const file = plan();
    expect((await cli('import', REPORT, '--into', file, '--as-of', '30/9/2024')).code).toBe(EXIT.usage);
    expect((await cli('import', REPORT, '--out', path.join(tempDir(), 'x.plandesk'), '--as-of', '2024-09-30')).code).toBe(EXIT.usage);
    expect((await cli('import', REPORT, '--into', file, '--as-of', '2024-09-30', '--kind', 'plan')).code).toBe(EXIT.usage);
  });
});

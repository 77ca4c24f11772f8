// The built-in program templates and the template file format: each built-in's column tree is a
// valid tree with stable keys, its sums hold (zero figures and figures in every leaf), the program
// in force per year, a plan's structure round-trips through a file, and hostile files are refused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanCalc } from '../calc';
import { ColumnTree, columnKeyFor, DEFAULT_COLUMN_KEYS } from '../columns';
import { t } from '../i18n';
import type { CycleData, Line } from '../model';
import { runAllRules } from '../rules';
import { sampleCycle } from '../samples/dak-nong-2024';
import {
  builtinTemplate, builtinTemplates, cycleFromTemplate, LAWFUL_OTHER_KEY, parseTemplateFile, POLICY_CREDIT_KEY, programTemplateIdForYear,
  serializeTemplate, templateFitsYear, templateFromCycle, TEMPLATE_FORMAT, TEMPLATE_LIMITS, type PlanTemplate,
} from './index';

const calcOf = (c: CycleData) => new PlanCalc(new ColumnTree(c.columns), c.lines, c.amounts);

describe('built-in templates', () => {
  it('offers the 2026–2035 program, the 2021–2025 one and a blank plan, with stable ids', () => {
    expect(builtinTemplates(2027).map((x) => x.id)).toEqual(['mtqg-2026-2035', 'mtqg-gnbv-2021-2025', 'blank']);
  });

  it.each(builtinTemplates(2027).map((x) => [x.id, x] as const))('%s: a valid column tree with one root, the total', (_id, tpl) => {
    const tree = new ColumnTree(tpl.columns);
    expect(tree.root?.key).toBe('total');
    expect(tree.ordered).toHaveLength(tpl.columns.length);
    expect(new Set(tpl.columns.map((c) => c.key)).size).toBe(tpl.columns.length);
    // Round trip through the file format: the format's tree checks pass.
    const back = parseTemplateFile(serializeTemplate(tpl), 'x.pdtemplate');
    expect(back.ok).toBe(true);
  });

  it('2021–2025: the seed structure (codes, names, capital types), standard keys, 10% counterpart (QĐ 02/2022/QĐ-TTg)', () => {
    const tpl = builtinTemplate('mtqg-gnbv-2021-2025', 2024)!;
    const seed = sampleCycle();
    expect(tpl.program).toBe(seed.meta.program);
    expect(tpl.columns.map((c) => c.key)).toEqual([...DEFAULT_COLUMN_KEYS]);
    const plan = cycleFromTemplate(tpl, { year: 2024 });
    expect(plan.lines.map((l) => [l.id, l.parentId, l.position, l.code, l.name, l.allowedCapital])).toEqual(
      seed.lines.map((l) => [l.id, l.parentId, l.position, l.code, l.name, l.allowedCapital]),
    );
    expect(plan.lines.every((l) => l.agency === '' && l.note === '')).toBe(true);
    expect(plan.amounts).toEqual([]);
    expect(tpl.rules).toMatchObject({ counterpartMinPercent: 10, counterpartBasis: 'QĐ 02/2022/QĐ-TTg' });
    expect(tpl.years).toEqual({ from: 2021, to: 2025 });
  });

  it('2026–2035: the merged program, its three parts, policy credit and other lawful funds, no counterpart level', () => {
    const tpl = builtinTemplate('mtqg-2026-2035', 2027)!;
    expect(tpl.program).toBe(
      'Chương trình mục tiêu quốc gia xây dựng nông thôn mới, giảm nghèo bền vững và phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2026-2035',
    );
    const tree = new ColumnTree(tpl.columns);
    expect(tree.ordered.map((c) => c.key)).toEqual([
      'total', 'central', 'central_investment', 'central_recurrent', 'local', 'local_investment', 'local_recurrent', POLICY_CREDIT_KEY, LAWFUL_OTHER_KEY,
    ]);
    expect(tree.ordered.map((c) => c.label.vi)).toEqual([
      'Tổng cộng', 'Ngân sách Trung ương (NSTW)', 'Vốn đầu tư phát triển (ĐTPT)', 'Vốn sự nghiệp (SN)', 'Ngân sách địa phương (NSĐP)',
      'Vốn đầu tư phát triển (ĐTPT)', 'Vốn sự nghiệp (SN)', 'Vốn tín dụng chính sách', 'Vốn huy động hợp pháp khác',
    ]);
    // The new column's key is what the column editor would give its label: stable for ever.
    expect(columnKeyFor('Vốn tín dụng chính sách', DEFAULT_COLUMN_KEYS)).toBe(POLICY_CREDIT_KEY);
    expect(tree.byKey.get(POLICY_CREDIT_KEY)).toMatchObject({ parent: 'total', source: 'other', capital: null });
    expect(columnKeyFor('Vốn huy động hợp pháp khác', DEFAULT_COLUMN_KEYS)).toBe(LAWFUL_OTHER_KEY);
    expect(tree.byKey.get(LAWFUL_OTHER_KEY)).toMatchObject({ parent: 'total', source: 'other', capital: null });
    expect(tpl.lines.map((l) => [l.parent, l.code, l.name])).toEqual([
      [null, 'I', 'Xây dựng nông thôn mới'],
      [null, 'II', 'Giảm nghèo bền vững'],
      [null, 'III', 'Phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi'],
    ]);
    expect(tpl.rules.counterpartMinPercent).toBeNull();
    expect(tpl.rules.counterpartBasis).toBe('NĐ 358/2025/NĐ-CP');
    // The component list is not settled: the template says so, in both languages.
    expect(tpl.note?.vi).toMatch(/chưa được xác nhận.*đối chiếu với quyết định giao kế hoạch của tỉnh/);
    expect(tpl.note?.en).toMatch(/not confirmed.*province's decision/);
  });

  it('blank: no lines, no program name; columns and rules of the program in force that year, or the one asked for', () => {
    const b2027 = builtinTemplate('blank', 2027)!;
    expect(b2027.lines).toEqual([]);
    expect(b2027.program).toBe('');
    expect(b2027.columns.map((c) => c.key)).toContain(POLICY_CREDIT_KEY);
    expect(b2027.rules.counterpartMinPercent).toBeNull();
    const b2024 = builtinTemplate('blank', 2024)!;
    expect(b2024.columns.map((c) => c.key)).toEqual([...DEFAULT_COLUMN_KEYS]);
    expect(b2024.rules.counterpartMinPercent).toBe(10);
    expect(builtinTemplate('blank', 2027, { columnsFrom: 'mtqg-gnbv-2021-2025' })!.columns.map((c) => c.key)).toEqual([...DEFAULT_COLUMN_KEYS]);
    expect(builtinTemplate('nope', 2027)).toBeNull();
  });

  it.each(builtinTemplates(2027).flatMap((x) => [2024, 2027].map((y) => [x.id, y] as const)))(
    '%s in %i: sums hold with zero figures, and with a figure in every leaf cell',
    (id, year) => {
      const plan = cycleFromTemplate(builtinTemplate(id, year)!, { year });
      if (plan.lines.length === 0) plan.lines.push({ id: 1, parentId: null, position: 0, code: '1', name: 'x', agency: '', note: '', allowedCapital: null, isAdjustment: false });
      const tree = new ColumnTree(plan.columns);
      const zero = calcOf(plan);
      for (const c of tree.ordered) expect(zero.total(c.key)).toBe(0);
      const rules = runAllRules({ calc: zero, meta: plan.meta, rules: plan.rules });
      expect(rules.filter((f) => f.severity === 'error' || f.rule === 'sum_mismatch')).toEqual([]);
      // A figure in every leaf line × leaf column: every group column is the sum of its children.
      const leaves = plan.lines.filter((l) => !plan.lines.some((x) => x.parentId === l.id));
      plan.amounts = leaves.flatMap((l, i) => tree.leaves.map((c, j) => ({ lineId: l.id, column: c.key, value: (i + 1) * 1_000_000 * (j + 1) })));
      const calc = calcOf(plan);
      for (const c of tree.ordered) {
        const kids = tree.children.get(c.key) ?? [];
        if (kids.length) expect(calc.total(c.key)).toBe(kids.reduce((s, k) => s + calc.total(k.key), 0));
      }
      expect(calc.total('total')).toBe(plan.amounts.reduce((s, a) => s + a.value, 0));
    },
  );
});

describe('the program in force in a year', () => {
  it('2026 and later: the merged program; up to 2025: the 2021–2025 one; after 2035: a blank plan', () => {
    expect(programTemplateIdForYear(2021)).toBe('mtqg-gnbv-2021-2025');
    expect(programTemplateIdForYear(2025)).toBe('mtqg-gnbv-2021-2025');
    expect(programTemplateIdForYear(2026)).toBe('mtqg-2026-2035');
    expect(programTemplateIdForYear(2027)).toBe('mtqg-2026-2035');
    expect(programTemplateIdForYear(2035)).toBe('mtqg-2026-2035');
    expect(programTemplateIdForYear(2036)).toBe('blank');
  });

  it('a 2027 plan from the year alone never carries the 2021–2025 program', () => {
    const plan = cycleFromTemplate(builtinTemplate(programTemplateIdForYear(2027), 2027)!, { year: 2027 });
    expect(plan.meta.program).not.toMatch(/^Chương trình mục tiêu quốc gia giảm nghèo bền vững$/);
    expect(plan.meta.program).toMatch(/2026-2035$/);
    expect(plan.meta.year).toBe(2027);
  });

  it('says whether a template fits a year', () => {
    expect(templateFitsYear(builtinTemplate('mtqg-gnbv-2021-2025', 2027)!, 2027)).toBe(false);
    expect(templateFitsYear(builtinTemplate('mtqg-2026-2035', 2027)!, 2027)).toBe(true);
    expect(templateFitsYear(builtinTemplate('blank', 2027)!, 1999)).toBe(true);
  });
});

describe('a plan as a template and back', () => {
  it('keeps lines (codes, names, capital types, order, nesting), columns, rules and unit; drops figures, agencies and notes', () => {
    const seed = sampleCycle();
    seed.meta.unit = 'ty';
    seed.rules = { ...seed.rules, counterpartMinPercent: 15, counterpartBasis: 'NQ 12/2022/NQ-HĐND' };
    // Positions out of storage order: display order wins.
    const lines = [...seed.lines].reverse();
    const tpl = templateFromCycle({ ...seed, lines }, { vi: 'Mẫu Đắk Nông', en: 'Mẫu Đắk Nông' });
    const read = parseTemplateFile(serializeTemplate(tpl), 'dak-nong.pdtemplate');
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    const plan = cycleFromTemplate(read.template, { year: 2026, meta: { issuer: 'Ủy ban nhân dân tỉnh Lâm Đồng' } });
    expect(plan.lines.map((l) => [l.id, l.parentId, l.position, l.code, l.name, l.allowedCapital, l.isAdjustment])).toEqual(
      seed.lines.map((l) => [l.id, l.parentId, l.position, l.code, l.name, l.allowedCapital, l.isAdjustment]),
    );
    expect(plan.columns).toEqual(seed.columns);
    expect(plan.rules).toEqual(seed.rules);
    expect(plan.meta).toMatchObject({ program: seed.meta.program, unit: 'ty', year: 2026, issuer: 'Ủy ban nhân dân tỉnh Lâm Đồng', docNumber: '' });
    expect(plan.amounts).toEqual([]);
    expect(read.template.name.vi).toBe('Mẫu Đắk Nông');
  });

  it('leaves out lines a damaged plan makes unreachable (a parent loop) instead of hanging', () => {
    const seed = sampleCycle();
    seed.lines.push(
      { id: 900, parentId: 901, position: 0, code: 'x', name: 'x', agency: '', note: '', allowedCapital: null, isAdjustment: false },
      { id: 901, parentId: 900, position: 0, code: 'y', name: 'y', agency: '', note: '', allowedCapital: null, isAdjustment: false },
    );
    expect(templateFromCycle(seed, { vi: 'a', en: 'a' }).lines).toHaveLength(sampleCycle().lines.length);
  });
});

describe('hostile template files are refused with a message naming the file', () => {
  const good = () => JSON.parse(serializeTemplate(builtinTemplate('mtqg-2026-2035', 2027)!)) as Record<string, unknown> & { lines: unknown[]; columns: Record<string, unknown>[] };
  const refusal = (source: string) => {
    const r = parseTemplateFile(source, 'x.pdtemplate');
    if (r.ok) throw new Error('accepted');
    return { key: r.error.key, vi: t('vi', r.error.key as 'template.error.invalid', r.error.params as { file: string; where: string }) };
  };

  it('not JSON, not a template, a newer version', () => {
    expect(refusal('PK\u0003\u0004 zip bytes').key).toBe('template.error.not_template');
    expect(refusal('[]').key).toBe('template.error.not_template');
    expect(refusal('null').key).toBe('template.error.not_template');
    expect(refusal(JSON.stringify({ ...good(), format: 'other' })).key).toBe('template.error.not_template');
    const newer = refusal(JSON.stringify({ ...good(), version: 7 }));
    expect(newer.key).toBe('template.error.newer');
    expect(newer.vi).toContain('x.pdtemplate');
  });

  it('too big: refused before parsing', () => {
    expect(refusal(' '.repeat(TEMPLATE_LIMITS.bytes + 1)).key).toBe('template.error.too_big');
  });

  it('wrong types, over-long texts, unknown fields and prototype keys: refused with where', () => {
    const g = good();
    expect(refusal(JSON.stringify({ ...g, lines: [{ parent: null, code: 'I', name: 'x'.repeat(2001), allowedCapital: null, isAdjustment: false }] })).vi).toContain('lines[1].name');
    expect(refusal(JSON.stringify({ ...g, unit: 'usd' })).key).toBe('template.error.invalid');
    expect(refusal(JSON.stringify({ ...g, extra: 1 })).key).toBe('template.error.invalid');
    expect(refusal(JSON.stringify(g).replace('"format"', '"__proto__":{"polluted":1},"format"')).key).toBe('template.error.invalid');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(refusal(JSON.stringify({ ...g, columns: [] })).key).toBe('template.error.invalid');
    expect(refusal(JSON.stringify({ ...g, rules: { ...(g.rules as object), counterpartMinPercent: 1e9 } })).vi).toContain('rules.counterpartMinPercent');
  });

  it('broken trees: a parent after its line, a loop of columns, an unknown or duplicate column, a prototype name as key', () => {
    const g = good();
    const line = (parent: number | null) => ({ parent, code: '1', name: 'a', allowedCapital: null, isAdjustment: false });
    expect(refusal(JSON.stringify({ ...g, lines: [line(null), line(1)] })).vi).toContain('lines[2].parent');
    expect(refusal(JSON.stringify({ ...g, lines: [line(0)] })).vi).toContain('lines[1].parent');
    const deep = [line(null), ...Array.from({ length: TEMPLATE_LIMITS.depth }, (_, i) => line(i))];
    expect(refusal(JSON.stringify({ ...g, lines: deep })).key).toBe('template.error.invalid');
    const cols = g.columns;
    const loop = cols.map((c) => (c.key === 'total' ? { ...c, parent: 'central_investment' } : c));
    expect(refusal(JSON.stringify({ ...g, columns: loop })).key).toBe('template.error.invalid');
    expect(refusal(JSON.stringify({ ...g, columns: [...cols, { ...cols[1], key: 'x', parent: 'nowhere' }] })).vi).toContain('.parent');
    expect(refusal(JSON.stringify({ ...g, columns: [...cols, { ...cols[1] }] })).vi).toContain('.key');
    expect(refusal(JSON.stringify({ ...g, columns: [...cols, { ...cols[1], key: 'constructor' }] })).vi).toContain('.key');
  });

  it('reads a file with a byte-order mark, and its own format marker', () => {
    const s = serializeTemplate(builtinTemplate('blank', 2027)!);
    expect(JSON.parse(s).format).toBe(TEMPLATE_FORMAT);
    expect(parseTemplateFile(`\ufeff${s}`, 'b.pdtemplate').ok).toBe(true);
  });

  it('a template of 50.000 lines is read in reasonable time', () => {
    const tpl: PlanTemplate = {
      ...builtinTemplate('blank', 2027)!,
      lines: Array.from({ length: 50_000 }, (_, i) => ({ parent: i === 0 ? null : Math.floor((i - 1) / 10), code: String(i), name: `Dòng ${i}`, allowedCapital: null, isAdjustment: false })),
    };
    const started = Date.now();
    const r = parseTemplateFile(serializeTemplate(tpl), 'big.pdtemplate');
    expect(r.ok).toBe(true);
    expect(Date.now() - started).toBeLessThan(10_000); // about 0,5 s alone; the machine is shared
  });
});

/** A plan's line tree as nested lists in display order: what a template must keep. */
function shape(lines: readonly Line[], parent: number | null = null): unknown[] {
  return lines
    .filter((l) => l.parentId === parent)
    .sort((a, b) => a.position - b.position)
    .map((l) => [l.code, l.name, l.allowedCapital, l.isAdjustment, shape(lines, l.id)]);
}

describe('properties', () => {
  const text = (max: number) => fc.string({ unit: fc.constantFrom('a', 'Đ', 'ắ', 'ệ', ' ', '"', '\\', '\n', '1', '.', '🙂', '<'), maxLength: max });
  const randomPlan = fc
    .array(
      fc.record({
        parentPick: fc.nat(), position: fc.integer({ min: 0, max: 50 }), code: text(12), name: text(40),
        capital: fc.constantFrom(null, ['investment'], ['recurrent'], ['investment', 'recurrent']), adj: fc.boolean(),
      }),
      { maxLength: 60 },
    )
    .map((specs) => {
      const lines: Line[] = specs.map((x, i) => ({
        // A parent among the earlier lines (or none), kept shallow enough for the format's depth limit.
        id: 100 + i * 7, parentId: i === 0 || x.parentPick % 3 === 0 ? null : 100 + (x.parentPick % i) * 7, position: x.position,
        code: x.code, name: x.name, agency: 'UBND huyện', note: 'n', allowedCapital: x.capital as Line['allowedCapital'], isAdjustment: x.adj,
      }));
      return { ...sampleCycle(), lines, amounts: [] };
    })
    .filter((c) => {
      const depth = (l: Line): number => (l.parentId === null ? 0 : 1 + depth(c.lines.find((x) => x.id === l.parentId)!));
      return c.lines.every((l) => depth(l) < TEMPLATE_LIMITS.depth);
    });

  it('any plan\'s structure survives template → file → template → plan (order, nesting, texts, capital types)', () => {
    fc.assert(
      fc.property(randomPlan, (plan) => {
        const read = parseTemplateFile(serializeTemplate(templateFromCycle(plan, { vi: 'm', en: 'm' })), 'p.pdtemplate');
        if (!read.ok) throw new Error(JSON.stringify(read.error));
        const back = cycleFromTemplate(read.template, { year: 2027 });
        expect(shape(back.lines)).toEqual(shape(plan.lines));
        expect(back.lines.every((l) => l.agency === '' && l.note === '')).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('a template file with any one character changed is read whole or refused with a message, never half read', () => {
    const source = serializeTemplate(builtinTemplate('mtqg-2026-2035', 2027)!);
    fc.assert(
      fc.property(fc.nat(source.length - 1), fc.constantFrom('"', '{', '}', '[', ']', ',', ':', '0', '9', '-', 'x', ' ', 'n', '\\'), (at, ch) => {
        const r = parseTemplateFile(source.slice(0, at) + ch + source.slice(at + 1), 'm.pdtemplate');
        if (!r.ok) {
          expect(r.error.key).toMatch(/^template\.error\./);
          return;
        }
        // Accepted: a plan made from it has one column tree and every line's parent.
        const plan = cycleFromTemplate(r.template, { year: 2027 });
        const tree = new ColumnTree(plan.columns);
        expect(tree.ordered).toHaveLength(plan.columns.length);
        const ids = new Set(plan.lines.map((l) => l.id));
        expect(plan.lines.every((l) => l.parentId === null || (ids.has(l.parentId) && l.parentId < l.id))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

// The built-in program templates: the 2021–2025 sustainable poverty reduction program (the seed's
// structure), the merged 2026–2035 program (as far as our sources confirm it) and a blank plan — and
// which program is in force in a given year, so `new --year 2027` never gets the 2021–2025 program.
import { defaultColumns } from '../columns';
import type { FundingColumn, RuleParams } from '../model';
import { DEFAULT_RULES } from '../model';
import { blankCycle, SAMPLE_META } from '../samples/dak-nong-2024';
import { templateFromCycle } from './cycle';
import type { PlanTemplate, TemplateLine } from './template';

export const TEMPLATE_2021_2025 = 'mtqg-gnbv-2021-2025';
export const TEMPLATE_2026_2035 = 'mtqg-2026-2035';
export const TEMPLATE_BLANK = 'blank';
export const BUILTIN_TEMPLATE_IDS = [TEMPLATE_2026_2035, TEMPLATE_2021_2025, TEMPLATE_BLANK] as const;
export type BuiltinTemplateId = (typeof BUILTIN_TEMPLATE_IDS)[number];

/** Key of the policy-credit column: the slug of its label (shared/columns.ts columnKeyFor), fixed here for ever. */
export const POLICY_CREDIT_KEY = 'von_tin_dung_chinh_sach';

/** 2021–2025: counterpart at least 10% of central support (QĐ 02/2022/QĐ-TTg, cited by the seed plan). */
const RULES_2021_2025: RuleParams = { ...DEFAULT_RULES, counterpartMinPercent: 10, counterpartBasis: 'QĐ 02/2022/QĐ-TTg' };

/**
 * 2026 on: NĐ 358/2025/NĐ-CP keeps a counterpart obligation "at the level set by the competent
 * authority" — no level is known, so none is assumed: the rule waits until the person sets it.
 */
const RULES_2026_2035: RuleParams = { ...DEFAULT_RULES, counterpartMinPercent: null, counterpartBasis: 'NĐ 358/2025/NĐ-CP' };

/** Key of "Vốn huy động hợp pháp khác": the slug of its label, the key a 2027 annex's column gets on import. */
export const LAWFUL_OTHER_KEY = 'von_huy_dong_hop_phap_khac';

/**
 * The 2026–2035 funding columns: Tổng cộng = NSTW (ĐTPT, SN) + NSĐP (ĐTPT, SN) + Vốn tín dụng chính
 * sách + Vốn huy động hợp pháp khác. The standard columns keep their standard keys (compare, import
 * and the CLI's JSON stay aligned with 2021–2025 plans). The two 2026 sources take the keys an
 * imported 2027 annex gives the same headers (the slugs of their labels), so a plan started from
 * the template and a plan made from the province's file compare column for column; the 2021–2025
 * "Vốn huy động khác" (`other`) is not part of the merged program's sources.
 */
export function columns2026(): FundingColumn[] {
  const cols = defaultColumns().filter((c) => c.key !== 'other');
  cols.push(
    { key: POLICY_CREDIT_KEY, parent: 'total', position: 2, label: { vi: 'Vốn tín dụng chính sách', en: 'Policy credit' }, source: 'other', capital: null },
    { key: LAWFUL_OTHER_KEY, parent: 'total', position: 3, label: { vi: 'Vốn huy động hợp pháp khác', en: 'Other lawfully mobilised funds' }, source: 'other', capital: null },
  );
  return cols;
}

const PROGRAM_2026_2035 =
  'Chương trình mục tiêu quốc gia xây dựng nông thôn mới, giảm nghèo bền vững và phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2026-2035';

/**
 * The three programs merged into the 2026–2035 one (NQ 257/2025/QH15): the only level of its
 * component list our sources confirm. The draft's 10 groups of contents were not retrieved.
 */
const LINES_2026_2035: TemplateLine[] = [
  { parent: null, code: 'I', name: 'Xây dựng nông thôn mới', allowedCapital: null, isAdjustment: false },
  { parent: null, code: 'II', name: 'Giảm nghèo bền vững', allowedCapital: null, isAdjustment: false },
  { parent: null, code: 'III', name: 'Phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi', allowedCapital: null, isAdjustment: false },
];

function template2021(): PlanTemplate {
  const seed = blankCycle(2025);
  const t = templateFromCycle({ ...seed, meta: { ...seed.meta, program: SAMPLE_META.program } }, { vi: '', en: '' }, TEMPLATE_2021_2025);
  return {
    ...t,
    name: { vi: 'Chương trình MTQG giảm nghèo bền vững 2021–2025', en: 'National Target Program for Sustainable Poverty Reduction 2021–2025' },
    years: { from: 2021, to: 2025 },
    note: null,
    unit: 'trieu',
    columns: defaultColumns(),
    rules: { ...RULES_2021_2025 },
  };
}

function template2026(): PlanTemplate {
  return {
    id: TEMPLATE_2026_2035,
    name: {
      vi: 'Chương trình MTQG 2026–2035 (nông thôn mới, giảm nghèo bền vững, vùng đồng bào DTTS và miền núi)',
      en: 'Merged National Target Program 2026–2035 (new rural areas, sustainable poverty reduction, ethnic-minority and mountain areas)',
    },
    program: PROGRAM_2026_2035,
    years: { from: 2026, to: 2035 },
    note: {
      vi: 'Danh mục nội dung thành phần của Chương trình chưa được xác nhận: mẫu chỉ có ba phần hợp nhất (NQ 257/2025/QH15). Hãy đối chiếu với quyết định giao kế hoạch của tỉnh (giai đoạn I 2026–2030: QĐ 417/QĐ-BNNMT) và bổ sung các nội dung, dự án. Mức vốn đối ứng tối thiểu do cấp có thẩm quyền quyết định (NĐ 358/2025/NĐ-CP): nhập mức này trong thiết lập quy tắc.',
      en: 'The Program\'s component list is not confirmed: the template has only its three merged parts (NQ 257/2025/QH15). Check it against the province\'s decision allocating the plan (phase I 2026–2030: QĐ 417/QĐ-BNNMT) and add the contents and projects. The minimum counterpart level is set by the competent authority (NĐ 358/2025/NĐ-CP): enter it in the rule settings.',
    },
    unit: 'trieu',
    columns: columns2026(),
    lines: LINES_2026_2035.map((l) => ({ ...l })),
    rules: { ...RULES_2026_2035 },
  };
}

/**
 * A plan without lines and without a program name. Its columns and rules are those of the program
 * in force in `year` unless `columnsFrom` names another program's template.
 */
function templateBlank(year: number, columnsFrom?: string): PlanTemplate {
  const from = columnsFrom === TEMPLATE_2021_2025 || columnsFrom === TEMPLATE_2026_2035 ? columnsFrom : programTemplateIdForYear(year);
  const base = from === TEMPLATE_2026_2035 ? template2026() : template2021();
  return {
    id: TEMPLATE_BLANK, name: { vi: 'Kế hoạch trống', en: 'Blank plan' }, program: '', years: null,
    note: {
      vi: 'Không có dòng nào và chưa có tên chương trình: thêm dòng trên bảng, đặt tên trong Thông tin kế hoạch.',
      en: 'No lines and no program name yet: add lines in the table, name it in Plan details.',
    },
    unit: 'trieu', columns: base.columns, lines: [], rules: base.rules,
  };
}

/**
 * The id of the program template in force in `year`: 2026 and later the merged 2026–2035 program
 * (after 2035, when no program is known, the blank plan); up to 2025 the 2021–2025 one.
 */
export function programTemplateIdForYear(year: number): BuiltinTemplateId {
  if (year >= 2026) return year <= 2035 ? TEMPLATE_2026_2035 : TEMPLATE_BLANK;
  return TEMPLATE_2021_2025;
}

export function isBuiltinTemplateId(id: string): id is BuiltinTemplateId {
  return (BUILTIN_TEMPLATE_IDS as readonly string[]).includes(id);
}

/**
 * A built-in template by id, fresh (callers may change it). `year` decides the blank plan's columns
 * (the program in force that year) unless `columnsFrom` names a program template. Null for an unknown id.
 */
export function builtinTemplate(id: string, year: number, opts: { columnsFrom?: string } = {}): PlanTemplate | null {
  switch (id) {
    case TEMPLATE_2021_2025:
      return template2021();
    case TEMPLATE_2026_2035:
      return template2026();
    case TEMPLATE_BLANK:
      return templateBlank(year, opts.columnsFrom);
    default:
      return null;
  }
}

/** Every built-in template, for a list (the blank plan with the columns of `year`'s program). */
export function builtinTemplates(year: number): PlanTemplate[] {
  return BUILTIN_TEMPLATE_IDS.map((id) => builtinTemplate(id, year)!);
}

/** Whether `year` lies in the template's years (a template for any year always fits). */
export function templateFitsYear(t: Pick<PlanTemplate, 'years'>, year: number): boolean {
  return !t.years || (year >= t.years.from && year <= t.years.to);
}

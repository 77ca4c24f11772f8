// The built-in sample: Kế hoạch 122/KH-UBND (Đắk Nông, 29/02/2024), National Target Program for
// Sustainable Poverty Reduction, year 2024 — lines, codes, names, lead agencies and figures as the
// plan states them (triệu đồng). Also the source of the blank 2021-2025 program structure.
import { defaultColumns } from '../columns';
import type { CapitalType, CycleData, CycleMeta, Line, Amount } from '../model';
import { DEFAULT_RULES } from '../model';

const LDTBXH = 'Sở Lao động - Thương binh và Xã hội';
const GUIDE = `${LDTBXH} hướng dẫn, đôn đốc, kiểm tra giám sát và tổng hợp báo cáo`;
const BOTH: CapitalType[] = ['investment', 'recurrent'];
const REC: CapitalType[] = ['recurrent'];

interface SeedLine {
  code: string;
  name: string;
  agency: string;
  note?: string;
  capital: CapitalType[];
  /** triệu đồng: [NSTW ĐTPT, NSTW SN, NSĐP ĐTPT, NSĐP SN] */
  m?: [number, number, number, number];
  children?: SeedLine[];
}

/** The 2021-2025 program structure with the seed plan's figures. */
const SEED: SeedLine[] = [
  {
    code: '1', name: 'Dự án 1: Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo, các xã đặc biệt khó khăn',
    agency: '', capital: BOTH, children: [
      { code: '1.1', name: 'Tiểu dự án 1: Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo',
        agency: 'UBND huyện Tuy Đức, UBND huyện Đắk Glong', note: GUIDE, capital: BOTH, m: [99654, 12033, 9965, 1202] },
      { code: '1.2', name: 'Tiểu dự án 2: Triển khai thực hiện Đề án hỗ trợ một số huyện nghèo thoát khỏi tình trạng nghèo, đặc biệt khó khăn giai đoạn 2022-2025',
        agency: 'UBND huyện Đắk Glong', note: GUIDE, capital: BOTH, m: [26197, 2620, 2620, 262] },
    ],
  },
  { code: '2', name: 'Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo',
    agency: 'UBND các huyện, thành phố', note: GUIDE, capital: REC, m: [0, 38637, 0, 3862] },
  {
    code: '3', name: 'Dự án 3: Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng', agency: '', capital: REC, children: [
      { code: '3.1', name: 'Tiểu dự án 1: Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp',
        agency: 'Sở Nông nghiệp và Phát triển nông thôn', capital: REC, m: [0, 15972, 0, 1598] },
      { code: '3.2', name: 'Tiểu dự án 2: Cải thiện dinh dưỡng', agency: 'Sở Y tế', capital: REC, m: [0, 7024, 0, 702] },
    ],
  },
  {
    code: '4', name: 'Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững', agency: '', capital: BOTH, children: [
      { code: '4.1', name: 'Tiểu dự án 1: Phát triển giáo dục nghề nghiệp vùng nghèo, vùng khó khăn',
        agency: LDTBXH, capital: BOTH, m: [19579, 28326, 540, 2831] },
      { code: '4.2', name: 'Tiểu dự án 2: Hỗ trợ người lao động đi làm việc ở nước ngoài theo hợp đồng',
        agency: LDTBXH, capital: REC, m: [0, 1530, 0, 153] },
      { code: '4.3', name: 'Tiểu dự án 3: Hỗ trợ việc làm bền vững', agency: LDTBXH, capital: BOTH, m: [3944, 7517, 396, 752] },
    ],
  },
  { code: '5', name: 'Dự án 5: Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo trên địa bàn các huyện nghèo',
    agency: 'Sở Xây dựng', capital: REC, m: [0, 39285, 0, 3929] },
  {
    code: '6', name: 'Dự án 6: Truyền thông và giảm nghèo về thông tin', agency: '', capital: REC, children: [
      { code: '6.1', name: 'Tiểu dự án 1: Giảm nghèo về thông tin', agency: 'Sở Thông tin và Truyền thông', capital: REC, m: [0, 6072, 0, 607] },
      { code: '6.2', name: 'Tiểu dự án 2: Truyền thông về giảm nghèo đa chiều', agency: LDTBXH, capital: REC, m: [0, 2232, 0, 225] },
    ],
  },
  {
    // The plan states Dự án 7's figure without splitting it between its two sub-projects.
    code: '7', name: 'Dự án 7: Nâng cao năng lực và giám sát, đánh giá Chương trình', agency: LDTBXH, capital: REC,
    m: [0, 9020, 0, 904], children: [
      { code: '7.1', name: 'Tiểu dự án 1: Nâng cao năng lực thực hiện Chương trình', agency: LDTBXH, capital: REC },
      { code: '7.2', name: 'Tiểu dự án 2: Giám sát, đánh giá Chương trình', agency: LDTBXH, capital: REC },
    ],
  },
];

const SEED_KEYS = ['central_investment', 'central_recurrent', 'local_investment', 'local_recurrent'] as const;
const MILLION = 1_000_000;

function flatten(withAmounts: boolean): { lines: Line[]; amounts: Amount[] } {
  const lines: Line[] = [];
  const amounts: Amount[] = [];
  const walk = (items: SeedLine[], parentId: number | null) => {
    items.forEach((s, position) => {
      const id = lines.length + 1;
      lines.push({
        id, parentId, position, code: s.code, name: s.name, agency: withAmounts ? s.agency : '',
        note: withAmounts ? (s.note ?? '') : '', allowedCapital: s.capital, isAdjustment: false,
      });
      if (withAmounts && s.m) {
        s.m.forEach((v, i) => { if (v !== 0) amounts.push({ lineId: id, column: SEED_KEYS[i], value: v * MILLION }); });
        // The plan also states each line's totals ("Kinh phí … là 122.854 triệu đồng"): keep them as stated.
        // On a parent line (Dự án 7) the leaf-column figures are stated totals too (see model.ts).
        const [ci, cr, li, lr] = s.m;
        amounts.push({ lineId: id, column: 'total', value: (ci + cr + li + lr) * MILLION });
        amounts.push({ lineId: id, column: 'central', value: (ci + cr) * MILLION });
        amounts.push({ lineId: id, column: 'local', value: (li + lr) * MILLION });
      }
      if (s.children) walk(s.children, id);
    });
  };
  walk(SEED, null);
  return { lines, amounts };
}

export const SAMPLE_META: CycleMeta = {
  program: 'Chương trình mục tiêu quốc gia giảm nghèo bền vững',
  year: 2024,
  issuer: 'Ủy ban nhân dân tỉnh Đắk Nông',
  place: 'Đắk Nông',
  docNumber: '122/KH-UBND',
  docDate: '2024-02-29',
  docKind: 'Kế hoạch',
  unit: 'trieu',
  numberLocale: 'vi-VN',
  signature: {
    onBehalf: 'TM. ỦY BAN NHÂN DÂN', authority: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', signer: 'Tôn Thị Ngọc Hạnh', preparedBy: '',
    // The seed's own "Nơi nhận:" list, shortened.
    recipients: '- Bộ Lao động - Thương binh và Xã hội;\n- Thường trực Tỉnh ủy;\n- Thường trực HĐND tỉnh;\n- Các Sở, Ban, ngành tỉnh;\n- UBND các huyện, thành phố;\n- Lưu: VT, KT, KGVX (Q).',
  },
  annexNumber: 'I',
};

/** The seed plan, ready to be written to a new cycle file. */
export function sampleCycle(): CycleData {
  const { lines, amounts } = flatten(true);
  return { meta: { ...SAMPLE_META }, columns: defaultColumns(), lines, amounts, rules: { ...DEFAULT_RULES } };
}

/** A blank cycle with the 2021-2025 program structure (no amounts, no agencies). */
export function blankCycle(year = new Date().getFullYear()): CycleData {
  const { lines } = flatten(false);
  return {
    meta: {
      ...SAMPLE_META, year, issuer: '', place: '', docNumber: '', docDate: '',
      signature: { onBehalf: '', authority: '', title: '', signer: '', preparedBy: '', recipients: '' },
    },
    columns: defaultColumns(), lines, amounts: [], rules: { ...DEFAULT_RULES },
  };
}

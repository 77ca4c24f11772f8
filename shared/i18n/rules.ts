// Dictionary entries of the rule engine (shared/rules): rule names and finding messages.
// Messages are rendered with t(lang, key, params). Params are language-neutral as a set: amounts are
// pre-formatted in the cycle's number convention, and text that differs by language comes twice
// ({colVi}/{colEn}, {unitVi}/{unitEn}…), so any UI language can re-render a stored finding.
export const rules = {
  'rules.name.sum_mismatch': { vi: 'Tổng không khớp', en: 'Sum mismatch' },
  'rules.name.counterpart_min': { vi: 'Vốn đối ứng tối thiểu', en: 'Minimum counterpart funds' },
  'rules.name.counterpart_level_unset': { vi: 'Chưa có mức vốn đối ứng', en: 'Counterpart level not set' },
  'rules.name.capital_eligibility': { vi: 'Loại vốn không phù hợp', en: 'Capital type not allowed' },
  'rules.name.negative_amount': { vi: 'Số âm', en: 'Negative amount' },
  'rules.name.not_allocated': { vi: 'Chưa phân bổ', en: 'Not yet allocated' },
  'rules.name.required_field': { vi: 'Thiếu thông tin bắt buộc', en: 'Missing required field' },
  'rules.name.duplicate_code': { vi: 'Trùng mã', en: 'Duplicate code' },

  // What each rule rests on, shown with a finding on its cell (issue 12).
  'rules.basis.sum_mismatch': {
    vi: 'số tổng của biểu phải bằng tổng các dòng, cột thành phần (trong dung sai của tham số quy tắc)',
    en: 'a total in the table must equal the sum of its lines and columns (within the rule tolerance)',
  },
  'rules.basis.counterpart_min': {
    vi: 'vốn đối ứng của ngân sách địa phương (mức và căn cứ trong Tham số quy tắc)',
    en: 'local counterpart funds (the level and its basis are in the rule settings)',
  },
  'rules.basis.counterpart_level_unset': {
    vi: 'NĐ 358/2025/NĐ-CP: ngân sách địa phương đối ứng theo mức do cấp có thẩm quyền quyết định',
    en: 'Decree 358/2025/NĐ-CP: local counterpart funds at the level set by the competent authority',
  },
  'rules.basis.capital_eligibility': {
    vi: 'loại vốn được giao cho dự án, tiểu dự án (Công cụ → Loại vốn của dòng)',
    en: 'the capital types assigned to the project or sub-project (Tools → Line capital types)',
  },
  'rules.basis.negative_amount': { vi: 'chỉ dòng điều chỉnh giảm mới được ghi số âm', en: 'only adjustment (reduction) lines may hold negative amounts' },
  'rules.basis.not_allocated': { vi: 'kinh phí của dòng cần được phân bổ cho các dòng con', en: "the line's funds are to be allocated to its sub-lines" },
  'rules.basis.required_field': { vi: 'mỗi dòng của biểu cần có mã và nội dung', en: 'every line of the table needs a code and a description' },
  'rules.basis.duplicate_code': { vi: 'các dòng cùng cấp cần mã riêng', en: 'lines at the same level need codes of their own' },

  'rules.severity.error': { vi: 'Lỗi', en: 'Error' },
  'rules.severity.warning': { vi: 'Cảnh báo', en: 'Warning' },
  'rules.severity.info': { vi: 'Thông tin', en: 'Information' },

  'rules.capital.investment': { vi: 'vốn đầu tư phát triển (ĐTPT)', en: 'development investment' },
  'rules.capital.recurrent': { vi: 'vốn sự nghiệp (SN)', en: 'recurrent funds' },
  'rules.capital.none': { vi: 'không loại vốn nào', en: 'no capital type' },

  'rules.sum_mismatch': {
    vi: 'Tổng không khớp: dòng {line}, cột {colVi} — số ghi {actual} {unitVi}, tổng tính được {expected} {unitVi}, chênh lệch {diff} {unitVi}.',
    en: 'Sum mismatch: line {line}, column {colEn} — stated {actual} {unitEn}, computed {expected} {unitEn}, difference {diff} {unitEn}.',
  },
  'rules.counterpart_level_unset': {
    vi: 'Chưa có mức vốn đối ứng tối thiểu: theo {basis}, mức vốn đối ứng của ngân sách địa phương do cấp có thẩm quyền quyết định. Hãy nhập mức và căn cứ trong Công cụ → Tham số quy tắc; đến khi đó quy tắc vốn đối ứng chưa được kiểm tra.',
    en: 'No minimum counterpart level yet: under {basis}, the local counterpart level is set by the competent authority. Enter the level and its basis in Tools → Rule settings; until then the counterpart rule is not checked.',
  },
  'rules.counterpart_min.program': {
    vi: 'Vốn đối ứng tối thiểu: TỔNG CỘNG, cột {colVi} — vốn địa phương {actual} {unitVi} bằng {ratio} vốn Trung ương ({central} {unitVi}); mức tối thiểu {percent} là {expected} {unitVi}, còn thiếu {diff} {unitVi}.',
    en: 'Minimum counterpart funds: GRAND TOTAL, column {colEn} — local funds of {actual} {unitEn} are {ratio} of central funds ({central} {unitEn}); the minimum of {percent} is {expected} {unitEn}, short by {diff} {unitEn}.',
  },
  'rules.counterpart_min.line': {
    vi: 'Vốn đối ứng tối thiểu: dòng {line}, cột {colVi} — vốn địa phương {actual} {unitVi} bằng {ratio} vốn Trung ương ({central} {unitVi}); mức tối thiểu {percent} là {expected} {unitVi}, còn thiếu {diff} {unitVi}.',
    en: 'Minimum counterpart funds: line {line}, column {colEn} — local funds of {actual} {unitEn} are {ratio} of central funds ({central} {unitEn}); the minimum of {percent} is {expected} {unitEn}, short by {diff} {unitEn}.',
  },
  'rules.capital_eligibility': {
    vi: 'Loại vốn không phù hợp: dòng {line}, cột {colVi} — dòng này không được nhận {capitalVi} (chỉ nhận {allowedVi}): số hợp lệ là {expected} {unitVi}, số hiện có {actual} {unitVi}, chênh lệch {diff} {unitVi}.',
    en: 'Capital type not allowed: line {line}, column {colEn} — this line may not take {capitalEn} (only {allowedEn}): the valid amount is {expected} {unitEn}, found {actual} {unitEn}, difference {diff} {unitEn}.',
  },
  'rules.capital_eligibility.inherited': {
    vi: 'Loại vốn không phù hợp: dòng {line}, cột {colVi} — dòng cấp trên {source} không được nhận {capitalVi} (chỉ nhận {allowedVi}): số hợp lệ là {expected} {unitVi}, số hiện có {actual} {unitVi}, chênh lệch {diff} {unitVi}.',
    en: 'Capital type not allowed: line {line}, column {colEn} — its parent line {source} may not take {capitalEn} (only {allowedEn}): the valid amount is {expected} {unitEn}, found {actual} {unitEn}, difference {diff} {unitEn}.',
  },
  'rules.negative_amount': {
    vi: 'Số âm: dòng {line}, cột {colVi} — số {actual} {unitVi} nhỏ hơn mức tối thiểu {expected} {unitVi} (chênh lệch {diff} {unitVi}); chỉ dòng điều chỉnh giảm mới được ghi số âm.',
    en: 'Negative amount: line {line}, column {colEn} — {actual} {unitEn} is below the minimum of {expected} {unitEn} (difference {diff} {unitEn}); only adjustment lines may hold negative amounts.',
  },
  'rules.not_allocated': {
    vi: 'Chưa phân bổ: dòng {line} — {actual} {unitVi} chưa phân bổ cho các dòng con.',
    en: 'Not yet allocated: line {line} — {actual} {unitEn} is not yet allocated to its sub-lines.',
  },
  'rules.required_field.code': {
    vi: 'Thiếu thông tin bắt buộc: dòng {line} chưa có mã.',
    en: 'Missing required field: line {line} has no code.',
  },
  'rules.required_field.name': {
    vi: 'Thiếu thông tin bắt buộc: dòng {line} chưa có nội dung (tên dòng).',
    en: 'Missing required field: line {line} has no description.',
  },
  'rules.duplicate_code': {
    vi: 'Trùng mã: dòng {line} — mã "{code}" được dùng cho {count} dòng cùng cấp; mỗi dòng cần một mã riêng.',
    en: 'Duplicate code: line {line} — code "{code}" is used by {count} lines at the same level; each line needs its own code.',
  },
} as const;

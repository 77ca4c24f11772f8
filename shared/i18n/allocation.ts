// Dictionary entries of the units area in the window (issue 14): the allocation view (units × lines),
// the units dialog, allocation by criteria and the printed allocation annex (its page texts are
// printed in Vietnamese, as the document is).
export const allocation = {
  'alloc.print.unitCol': { vi: 'Đơn vị', en: 'Unit' },
  'alloc.print.title': {
    vi: 'Phân bổ {column} thực hiện {program} năm {year}',
    en: 'Allocation of {column} for the {program}, {year}',
  },
  'alloc.print.titleNoProgram': { vi: 'Phân bổ {column} năm {year}', en: 'Allocation of {column}, {year}' },
} as const;

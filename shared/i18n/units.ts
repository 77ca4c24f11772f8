// Dictionary entries of the units area's engine (issue 14): undo step names, refusals, the two
// unit rules' names and messages, and the unit kinds. The window's own texts are in allocation.ts.
export const units = {
  'units.undo.add': { vi: 'Thêm đơn vị', en: 'Add unit' },
  'units.undo.addMany': { vi: 'Thêm {count} đơn vị', en: 'Add {count} units' },
  'units.undo.update': { vi: 'Sửa đơn vị', en: 'Edit unit' },
  'units.undo.delete': { vi: 'Xóa đơn vị', en: 'Delete units' },
  'units.undo.merge': { vi: 'Gộp đơn vị', en: 'Merge units' },
  'units.undo.edit': { vi: 'Sửa số phân bổ', en: 'Edit allocation' },
  'units.undo.paste': { vi: 'Dán số phân bổ', en: 'Paste allocation' },
  'units.undo.fill': { vi: 'Điền số phân bổ', en: 'Fill allocation' },
  'units.undo.clear': { vi: 'Xóa số phân bổ', en: 'Clear allocation' },
  'units.undo.allocate': { vi: 'Phân bổ theo tiêu chí', en: 'Allocate by criteria' },

  'units.error.unknown_unit': { vi: 'Không tìm thấy đơn vị (có thể đã bị xóa).', en: 'Unit not found (it may have been deleted).' },
  'units.error.duplicate': {
    vi: 'Đã có đơn vị “{name}” (tên chỉ khác dấu, khoảng trắng hoặc chữ hoa/thường được coi là một đơn vị).',
    en: 'A unit “{name}” already exists (names that differ only in diacritics, spacing or case are one unit).',
  },
  'units.error.parent_loop': { vi: 'Không thể đặt một đơn vị vào bên trong chính nó.', en: 'A unit cannot be placed inside itself.' },
  'units.error.merge_self': { vi: 'Chọn hai đơn vị khác nhau để gộp.', en: 'Choose two different units to merge.' },
  'units.error.parent_line': {
    vi: 'Không phân bổ cho đơn vị tại dòng {line}: số liệu nằm ở các dòng con của nó (hoặc ở dòng cha chưa chia cho dòng con) — hãy phân bổ tại dòng mang số liệu.',
    en: 'Line {line} is not allocated to units directly: its figures are held by its sub-lines (or by a parent not yet split among its sub-lines) — allocate on the line that holds them.',
  },
  'units.error.group_column': {
    vi: 'Cột “{column}” là cột tổng: phân bổ cho đơn vị theo từng nguồn vốn, loại vốn (các cột con).',
    en: 'Column “{column}” is a total: units are given shares per source and capital type (its sub-columns).',
  },
  'units.error.negative': {
    vi: 'Số phân bổ không được âm (dòng {line} không phải dòng điều chỉnh giảm).',
    en: 'A share may not be negative (line {line} is not an adjustment line).',
  },
  'units.error.unknown_column': { vi: 'Không có cột nguồn vốn “{column}”.', en: 'No funding column “{column}”.' },
  'units.error.no_scores': {
    vi: 'Tổng điểm tiêu chí của các đơn vị bằng 0: không thể phân bổ theo tỷ lệ.',
    en: 'The units’ criteria scores add up to zero: nothing to allocate in proportion to.',
  },
  'units.error.duplicate_in_list': { vi: 'Đơn vị được nêu hai lần trong danh sách điểm.', en: 'A unit is listed twice among the scores.' },
  'units.error.too_many': { vi: 'Kỳ kế hoạch đã có quá nhiều đơn vị (tối đa {max}).', en: 'The cycle has too many units (at most {max}).' },

  'units.cli.heading': { vi: 'Đơn vị thực hiện: {count}', en: 'Implementing units: {count}' },

  'units.kind.province': { vi: 'Tỉnh', en: 'Province' },
  'units.kind.department': { vi: 'Sở, ban, ngành', en: 'Department' },
  'units.kind.district': { vi: 'Huyện, thị xã, thành phố', en: 'District' },
  'units.kind.commune': { vi: 'Xã, phường, thị trấn', en: 'Commune or ward' },
  'units.kind.other': { vi: 'Khác', en: 'Other' },

  'rules.name.unit_overallocated': { vi: 'Phân bổ cho đơn vị vượt số của dòng', en: 'Units given more than the line' },
  'rules.name.unit_unallocated': { vi: 'Chưa phân bổ hết cho đơn vị', en: 'Not all allocated to units' },
  'rules.basis.unit_overallocated': {
    vi: 'tổng số phân bổ cho các đơn vị không được vượt số kế hoạch của dòng, cột',
    en: "the units' shares may not add up to more than the line's figure in the column",
  },
  'rules.basis.unit_unallocated': {
    vi: 'phần kinh phí của dòng chưa giao cho đơn vị nào',
    en: "the part of the line's funds not yet given to any unit",
  },
  'rules.unit_overallocated': {
    vi: 'Phân bổ cho đơn vị vượt số của dòng: dòng {line}, cột {colVi} — các đơn vị được {actual} {unitVi}, dòng có {expected} {unitVi}, vượt {diff} {unitVi}.',
    en: "Units given more than the line: line {line}, column {colEn} — units' shares {actual} {unitEn}, the line has {expected} {unitEn}, over by {diff} {unitEn}.",
  },
  'rules.unit_unallocated': {
    vi: 'Chưa phân bổ cho đơn vị: dòng {line}, cột {colVi} — các đơn vị được {actual} {unitVi} trên {expected} {unitVi}, còn {rest} {unitVi} chưa phân bổ cho đơn vị.',
    en: "Not all allocated to units: line {line}, column {colEn} — units' shares {actual} {unitEn} of {expected} {unitEn}, {rest} {unitEn} not yet given to a unit.",
  },
} as const;

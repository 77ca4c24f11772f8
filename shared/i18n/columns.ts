// Dictionary entries of issue 13, the funding-column tree as data: the column dialog, the undo
// labels of column changes, and the engine's refusals.
export const columns = {
  'columns.undo.add': { vi: 'Thêm cột "{labelVi}"', en: 'Add column "{labelEn}"' },
  'columns.undo.update': { vi: 'Sửa cột "{labelVi}"', en: 'Edit column "{labelEn}"' },
  'columns.undo.move': { vi: 'Chuyển cột "{labelVi}"', en: 'Move column "{labelEn}"' },
  'columns.undo.delete': { vi: 'Xóa cột "{labelVi}"', en: 'Delete column "{labelEn}"' },

  'columns.error.root': {
    vi: 'Không thể xóa hoặc chuyển cột gốc "{labelVi}": bảng kế hoạch luôn cần một cột tổng ở cấp cao nhất.',
    en: 'The top column "{labelEn}" cannot be deleted or moved: the plan always needs one top-level total column.',
  },
  'columns.error.cycle': {
    vi: 'Không thể đưa cột "{labelVi}" vào chính nó hoặc vào một cột con của nó.',
    en: 'Column "{labelEn}" cannot be put under itself or under one of its sub-columns.',
  },
  'columns.error.duplicate_label': {
    vi: 'Trong cùng nhóm đã có cột "{labelVi}". Hãy đặt tên khác.',
    en: 'The group already has a column "{labelEn}". Choose another name.',
  },
  'columns.error.source_conflict': {
    vi: 'Cột "{labelVi}" nằm trong nhóm "{parentVi}": nguồn vốn và loại vốn của cột phải giống của nhóm, hoặc để trống.',
    en: 'Column "{labelEn}" is under "{parentEn}": its funding source and capital type must be the group\'s, or left blank.',
  },
  'columns.error.too_many': {
    vi: 'Bảng kế hoạch đã có {max} cột, là số cột tối đa.',
    en: 'The plan already has {max} columns, the most it takes.',
  },
  'columns.error.nothing_changed': { vi: 'Cột không thay đổi.', en: 'The column did not change.' },

  'history.action.column': { vi: 'Cột nguồn vốn', en: 'Funding column' },

  'columns.role.source.central': { vi: 'Ngân sách Trung ương', en: 'Central budget' },
  'columns.role.source.local': { vi: 'Ngân sách địa phương', en: 'Local budget' },
  'columns.role.source.other': { vi: 'Nguồn khác', en: 'Other source' },
  'columns.role.capital.investment': { vi: 'Vốn đầu tư phát triển', en: 'Development investment' },
  'columns.role.capital.recurrent': { vi: 'Vốn sự nghiệp', en: 'Recurrent' },
} as const;

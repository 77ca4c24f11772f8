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

  'columns.menu': { vi: 'Cột nguồn vốn…', en: 'Funding columns…' },
  'columns.dialog.title': { vi: 'Cột nguồn vốn của kế hoạch', en: 'Funding columns of the plan' },
  'columns.dialog.intro': {
    vi: 'Các cột nguồn vốn là dữ liệu của kế hoạch: thêm, đổi tên, sắp xếp, lồng nhóm hoặc xóa. Mỗi thao tác là một bước hoàn tác (Ctrl+Z). Cột được thêm dưới một cột đã có số liệu thì số liệu đó trở thành số tổng ghi sẵn.',
    en: 'Funding columns are data of the plan: add, rename, reorder, nest or delete them. Each change is one undo step (Ctrl+Z). A column added under one that holds figures turns them into stated totals.',
  },
  'columns.dialog.tree': { vi: 'Cây cột', en: 'Column tree' },
  'columns.dialog.selected': { vi: 'Cột đang chọn', en: 'Selected column' },
  'columns.dialog.labelVi': { vi: 'Tên cột (tiếng Việt)', en: 'Name (Vietnamese)' },
  'columns.dialog.labelEn': { vi: 'Tên cột (tiếng Anh, không bắt buộc)', en: 'Name (English, optional)' },
  'columns.dialog.source': { vi: 'Nguồn vốn', en: 'Funding source' },
  'columns.dialog.capital': { vi: 'Loại vốn', en: 'Capital type' },
  'columns.dialog.none': { vi: '(không)', en: '(none)' },
  'columns.dialog.roles.help': {
    vi: 'Quy tắc vốn đối ứng dùng nguồn vốn (NSTW, NSĐP) và quy tắc loại vốn dùng ĐTPT/SN của cột, dù cột mang tên gì.',
    en: 'The counterpart rule reads the source (central, local) and the capital-type rule the ĐTPT/SN type of each column, whatever it is called.',
  },
  'columns.dialog.save': { vi: 'Lưu cột', en: 'Save column' },
  'columns.dialog.up': { vi: 'Lên', en: 'Up' },
  'columns.dialog.down': { vi: 'Xuống', en: 'Down' },
  'columns.dialog.indent': { vi: 'Thụt vào (thành cột con)', en: 'Indent (make a sub-column)' },
  'columns.dialog.outdent': { vi: 'Lùi ra', en: 'Outdent' },
  'columns.dialog.delete': { vi: 'Xóa cột…', en: 'Delete column…' },
  'columns.dialog.add': { vi: 'Thêm cột mới', en: 'Add a column' },
  'columns.dialog.newLabel': { vi: 'Tên cột mới', en: 'New column name' },
  'columns.dialog.addSibling': { vi: 'Thêm cùng cấp (sau cột chọn)', en: 'Add after the selected column' },
  'columns.dialog.addChild': { vi: 'Thêm cột con', en: 'Add as a sub-column' },
  'columns.dialog.close': { vi: 'Đóng', en: 'Close' },
  'columns.dialog.needLabel': { vi: 'Nhập tên cột.', en: 'Enter the column name.' },
  'columns.confirm.money': {
    vi: 'Xóa cột "{label}" sẽ xóa {amount} đồng ở {cells} ô.',
    en: 'Deleting column "{label}" removes {amount} VND in {cells} cells.',
  },
  'columns.confirm.empty': { vi: 'Cột "{label}" chưa có số liệu.', en: 'Column "{label}" holds no figures.' },
  'columns.confirm.subs': { vi: 'Các cột con của nó ({count}) cũng bị xóa.', en: 'Its sub-columns ({count}) go too.' },
  'columns.confirm.other': {
    vi: 'Kèm theo {count} số liệu khác ghi theo cột này (phân bổ cho đơn vị, giải ngân).',
    en: 'With {count} other figures kept on this column (units\' shares, disbursements).',
  },
  'columns.confirm.undo': { vi: 'Có thể hoàn tác (Ctrl+Z).', en: 'You can undo it (Ctrl+Z).' },
  'columns.confirm.yes': { vi: 'Xóa cột', en: 'Delete column' },
  'columns.confirm.no': { vi: 'Không xóa', en: 'Keep it' },

  'history.action.column': { vi: 'Cột nguồn vốn', en: 'Funding column' },

  'columns.role.source.central': { vi: 'Ngân sách Trung ương', en: 'Central budget' },
  'columns.role.source.local': { vi: 'Ngân sách địa phương', en: 'Local budget' },
  'columns.role.source.other': { vi: 'Nguồn khác', en: 'Other source' },
  'columns.role.capital.investment': { vi: 'Vốn đầu tư phát triển', en: 'Development investment' },
  'columns.role.capital.recurrent': { vi: 'Vốn sự nghiệp', en: 'Recurrent' },
} as const;

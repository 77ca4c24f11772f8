// Dictionary entries of the working core: app frame, grid, file errors, number input.
export const core = {
  'app.name': { vi: 'PlanDesk', en: 'PlanDesk' },
  'app.loading': { vi: 'Đang mở kế hoạch…', en: 'Opening the plan…' },
  'app.view.plan': { vi: 'Bảng kế hoạch', en: 'Plan table' },
  'menu.file': { vi: 'Tệp', en: 'File' },
  'menu.file.new': { vi: 'Tạo mới…', en: 'New…' },
  'menu.file.open': { vi: 'Mở…', en: 'Open…' },
  // Several plans at once, one window each (issue 17).
  'menu.file.openInNewWindow': { vi: 'Mở trong cửa sổ mới…', en: 'Open in new window…' },
  'menu.file.newInNewWindow': { vi: 'Tạo mới trong cửa sổ mới…', en: 'New in new window…' },
  'menu.file.saveAs': { vi: 'Lưu thành bản sao…', en: 'Save a copy as…' },
  'menu.file.recent': { vi: 'Mở gần đây', en: 'Open recent' },
  'menu.file.quit': { vi: 'Thoát', en: 'Quit' },
  'menu.edit': { vi: 'Sửa', en: 'Edit' },
  'menu.edit.undo': { vi: 'Hoàn tác', en: 'Undo' },
  'menu.edit.redo': { vi: 'Làm lại', en: 'Redo' },
  'menu.edit.undoWhat': { vi: 'Hoàn tác: {what}', en: 'Undo: {what}' },
  'menu.edit.redoWhat': { vi: 'Làm lại: {what}', en: 'Redo: {what}' },
  'menu.view': { vi: 'Xem', en: 'View' },
  'menu.view.expandAll': { vi: 'Mở rộng tất cả', en: 'Expand all' },
  'menu.view.collapseAll': { vi: 'Thu gọn tất cả', en: 'Collapse all' },
  'menu.view.language': { vi: 'Ngôn ngữ', en: 'Language' },
  'menu.tools': { vi: 'Công cụ', en: 'Tools' },
  'menu.help': { vi: 'Trợ giúp', en: 'Help' },
  'lang.vi': { vi: 'Tiếng Việt', en: 'Vietnamese' },
  'lang.en': { vi: 'Tiếng Anh', en: 'English' },

  'grid.code': { vi: 'Mã', en: 'Code' },
  'grid.name': { vi: 'Nội dung', en: 'Description' },
  'grid.agency': { vi: 'Cơ quan chủ trì', en: 'Lead agency' },
  'grid.note': { vi: 'Ghi chú', en: 'Notes' },
  'grid.total': { vi: 'Tổng', en: 'Total' },
  'grid.grandTotal': { vi: 'TỔNG CỘNG', en: 'GRAND TOTAL' },
  'grid.expand': { vi: 'Mở rộng', en: 'Expand' },
  'grid.collapse': { vi: 'Thu gọn', en: 'Collapse' },
  'grid.totalCell': { vi: 'Ô tổng: được tính từ các dòng/cột con', en: 'Total cell: computed from its parts' },
  'grid.stated': {
    vi: 'Số ghi: {stated} — số tính: {computed} — chênh lệch: {diff} ({unit})',
    en: 'Stated: {stated} — computed: {computed} — difference: {diff} ({unit})',
  },
  'grid.unallocated': {
    vi: 'Chưa phân bổ cho các dòng con: số của dòng này được giữ nguyên',
    en: 'Not yet allocated to its sub-lines: this line keeps its own figures',
  },

  'unit.dong': { vi: 'đồng', en: 'VND' },
  'unit.nghin': { vi: 'nghìn đồng', en: 'thousand VND' },
  'unit.trieu': { vi: 'triệu đồng', en: 'million VND' },
  'unit.ty': { vi: 'tỷ đồng', en: 'billion VND' },
  'unit.label': { vi: 'Đơn vị tính: {unit}', en: 'Unit: {unit}' },

  'common.close': { vi: 'Đóng', en: 'Close' },
  'file.prompt.new': { vi: 'Đường dẫn tệp kế hoạch mới (.plandesk):', en: 'Path of the new plan file (.plandesk):' },
  'file.prompt.open': { vi: 'Đường dẫn tệp kế hoạch cần mở:', en: 'Path of the plan file to open:' },
  'file.prompt.saveAs': { vi: 'Lưu bản sao vào đường dẫn:', en: 'Save a copy to path:' },
  'status.saving': { vi: 'Đang lưu…', en: 'Saving…' },
  'status.saved': { vi: 'Đã lưu', en: 'Saved' },
  'status.readOnly': { vi: 'Chỉ đọc', en: 'Read-only' },
  'status.loadingRows': { vi: 'Đang tải {loaded}/{total} dòng…', en: 'Loading {loaded}/{total} lines…' },
  'status.lines': { vi: '{count} dòng', en: '{count} lines' },

  'input.not_a_number': {
    vi: '"{text}" không phải là số. Giá trị cũ được giữ nguyên.',
    en: '"{text}" is not a number. The old value is kept.',
  },
  'input.bad_grouping': {
    vi: '"{text}" sai dấu phân cách: dùng dấu chấm cho hàng nghìn và dấu phẩy cho phần thập phân (ví dụ 1.234,5). Giá trị cũ được giữ nguyên.',
    en: '"{text}" has misplaced separators: use commas for thousands and a point for decimals (e.g. 1,234.5). The old value is kept.',
  },
  'input.too_many_decimal_marks': {
    vi: '"{text}" có nhiều hơn một dấu thập phân. Giá trị cũ được giữ nguyên.',
    en: '"{text}" has more than one decimal mark. The old value is kept.',
  },
  'input.too_large': {
    vi: '"{text}" quá lớn cho một ô. Giá trị cũ được giữ nguyên.',
    en: '"{text}" is too large for one cell. The old value is kept.',
  },
  'input.formula_unsupported': {
    vi: '"{text}" không phải công thức đơn giản: chỉ dùng số, + − * / và dấu ngoặc (ví dụ =100+200). Giá trị cũ được giữ nguyên.',
    en: '"{text}" is not a simple formula: only numbers, + − * / and parentheses (e.g. =100+200). The old value is kept.',
  },
  'input.formula_syntax': {
    vi: '"{text}" là công thức chưa đủ: thiếu số, phép tính hoặc dấu ngoặc. Giá trị cũ được giữ nguyên.',
    en: '"{text}" is an incomplete formula: a number, an operator or a parenthesis is missing. The old value is kept.',
  },
  'input.formula_div_zero': {
    vi: '"{text}" chia cho 0. Giá trị cũ được giữ nguyên.',
    en: '"{text}" divides by 0. The old value is kept.',
  },
  'input.negative': {
    vi: 'Số âm chỉ được nhập ở dòng điều chỉnh giảm.',
    en: 'Negative amounts are only allowed on adjustment lines.',
  },

  'error.not_plandesk': {
    vi: 'Tệp "{file}" không phải là tệp kế hoạch PlanDesk (hoặc đã bị hỏng). Tệp không bị thay đổi.',
    en: '"{file}" is not a PlanDesk plan file (or it is damaged). The file was not changed.',
  },
  'error.newer_version': {
    vi: 'Tệp "{file}" được tạo bởi phiên bản PlanDesk mới hơn (lược đồ {found}, bản này hỗ trợ đến {supported}). Hãy cập nhật PlanDesk. Tệp không bị thay đổi.',
    en: '"{file}" was written by a newer PlanDesk (schema {found}; this version supports up to {supported}). Please update PlanDesk. The file was not changed.',
  },
  'error.needs_migration': {
    vi: 'Tệp "{file}" được tạo bởi phiên bản PlanDesk cũ hơn và cần được nâng cấp; không thể nâng cấp khi mở chỉ đọc.',
    en: '"{file}" was written by an older PlanDesk and needs upgrading, which a read-only open cannot do.',
  },
  'error.not_found': { vi: 'Không tìm thấy tệp "{file}".', en: 'File "{file}" not found.' },
  'error.exists': { vi: 'Tệp "{file}" đã tồn tại.', en: 'File "{file}" already exists.' },
  'error.read_only': {
    vi: 'Tệp đang mở ở chế độ chỉ đọc: thay đổi không được lưu.',
    en: 'The file is open read-only: changes are not saved.',
  },
  'error.invalid_args': { vi: 'Yêu cầu không hợp lệ: {detail}', en: 'Invalid request: {detail}' },
  'error.unknown_line': { vi: 'Dòng không còn tồn tại (có thể đã bị xóa).', en: 'The line no longer exists (it may have been deleted).' },
  'error.unknown_column': { vi: 'Cột "{column}" không có trong kế hoạch.', en: 'Column "{column}" is not in this plan.' },
  'error.total_position': {
    vi: 'Ô tổng được tính tự động; số gõ vào được ghi nhận là số ghi (để đối chiếu).',
    en: 'Total cells are computed; a typed figure is kept as a stated value (to compare).',
  },
  'error.disk_full': {
    vi: 'Không ghi được vào đĩa (đĩa đầy hoặc không có quyền ghi). Thay đổi cuối chưa được lưu; dữ liệu đã lưu trước đó không bị ảnh hưởng.',
    en: 'Could not write to disk (disk full or no permission). The last change was not saved; data saved before is intact.',
  },
  'error.internal': {
    vi: 'Đã xảy ra lỗi không mong muốn: {detail}. Dữ liệu đã lưu không bị ảnh hưởng.',
    en: 'An unexpected error occurred: {detail}. Saved data is intact.',
  },
  'error.nothing_to_undo': { vi: 'Không còn thao tác để hoàn tác.', en: 'Nothing to undo.' },
  'error.nothing_to_redo': { vi: 'Không còn thao tác để làm lại.', en: 'Nothing to redo.' },
  'error.no_electron': {
    vi: 'Máy này chưa có Electron nên không mở được cửa sổ ứng dụng; hãy dùng chế độ trình duyệt: npm run serve -- --file <tệp.plandesk>',
    en: 'Electron is not available on this machine, so the app window cannot open; use browser mode: npm run serve -- --file <file.plandesk>',
  },
  'error.debug_switch': {
    vi: 'PlanDesk không chạy với tùy chọn gỡ lỗi {switches}. Hãy mở lại PlanDesk không kèm tùy chọn này.',
    en: 'PlanDesk does not run with the debugging option {switches}. Start PlanDesk again without it.',
  },

  'undo.cell': { vi: 'Sửa ô', en: 'Edit cell' },
  'undo.paste': { vi: 'Dán', en: 'Paste' },
  'undo.line.update': { vi: 'Sửa dòng', en: 'Edit line' },
  'undo.line.insert': { vi: 'Thêm dòng', en: 'Insert line' },
  'undo.line.delete': { vi: 'Xóa dòng', en: 'Delete line' },
  'undo.meta': { vi: 'Sửa thông tin kế hoạch', en: 'Edit plan details' },
  'undo.rules': { vi: 'Sửa tham số quy tắc', en: 'Edit rule settings' },
  'undo.settings': { vi: 'Sửa thiết lập', en: 'Edit settings' },
  'undo.capital': { vi: 'Sửa loại vốn của dòng', en: 'Edit line capital types' },
} as const;

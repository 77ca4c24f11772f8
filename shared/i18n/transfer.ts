// Dictionary entries of the import and export dialogs (renderer/src/features/transfer) and of their
// commands (electron/engine/commands/transfer.ts): menus, progress, sheet choice, the import report,
// the column mapping, confirming, export, and their refusals.
export const transfer = {
  // ---- menus ----
  'transfer.menu.import': { vi: 'Nhập từ Excel…', en: 'Import from Excel…' },
  'transfer.menu.export': { vi: 'Xuất ra Excel…', en: 'Export to Excel…' },

  // ---- refusals ----
  'transfer.error.upload_gone': {
    vi: 'Tệp tải lên không còn trong bộ nhớ (đã quá lâu hoặc đã dùng). Hãy chọn lại tệp.',
    en: 'The uploaded file is no longer held (too long ago, or already used). Please choose the file again.',
  },
  'transfer.error.no_job': {
    vi: 'Lượt nhập này không còn (đã hủy hoặc đã xong). Hãy nhập lại tệp.',
    en: 'This import no longer exists (cancelled or finished). Please import the file again.',
  },
  'transfer.error.not_ready': { vi: 'Tệp chưa đọc xong: chưa thể ghi.', en: 'The file has not been read yet: nothing can be written.' },
  'transfer.error.columns_unresolved': {
    vi: 'Tệp có cột nguồn vốn chưa có trong kế hoạch: {columns}. Hãy chọn cho từng cột: thêm cột này vào kế hoạch, nhập vào một cột có sẵn, hoặc bỏ qua.',
    en: 'The file has funding columns the plan has not: {columns}. Choose for each: add this column to the plan, put it into an existing column, or skip it.',
  },
  'transfer.error.no_match': {
    vi: 'Không dòng nào của tệp khớp với một dòng của kế hoạch đang mở (theo mã số hay tên), nên không có gì để điền. Hãy chọn "Thay bảng hiện tại" hoặc "Tạo tệp kế hoạch mới".',
    en: 'No line of the file matches a line of the open plan (by code or name), so there is nothing to fill. Choose "Replace the current table" or "Create a new plan file".',
  },
  'transfer.error.no_template': { vi: 'Không có mẫu ánh xạ "{name}".', en: 'There is no mapping template "{name}".' },
  'transfer.error.too_many_templates': { vi: 'Đã có {max} mẫu ánh xạ: hãy xóa bớt mẫu cũ.', en: 'There are already {max} mapping templates: delete some first.' },
  'transfer.error.not_a_spreadsheet_name': {
    vi: 'Tệp "{name}" không phải bảng tính. PlanDesk nhập tệp .xlsx, .xls hoặc .ods.',
    en: '"{name}" is not a spreadsheet. PlanDesk imports .xlsx, .xls or .ods files.',
  },
  'transfer.error.one_file': { vi: 'Hãy thả từng tệp một.', en: 'Drop one file at a time.' },
  'transfer.error.busy': {
    vi: 'PlanDesk đang nhận tệp khác nên chưa nhận thêm tệp này. Hãy đợi tệp kia xong rồi thử lại.',
    en: 'PlanDesk is receiving other files and cannot take this one now. Wait for them to finish and try again.',
  },

  // ---- undo labels (recorded in Vietnamese) ----
  'transfer.undo.replace': { vi: 'Nhập từ Excel: thay bảng bằng "{file}"', en: 'Import from Excel: table replaced by "{file}"' },
  'transfer.undo.fill': { vi: 'Nhập từ Excel: điền số liệu từ "{file}"', en: 'Import from Excel: figures filled from "{file}"' },
  'transfer.undo.saveTemplate': { vi: 'Lưu mẫu ánh xạ cột "{name}"', en: 'Save column mapping "{name}"' },
  'transfer.undo.deleteTemplate': { vi: 'Xóa mẫu ánh xạ cột "{name}"', en: 'Delete column mapping "{name}"' },

  // ---- common ----
  'transfer.title': { vi: 'Nhập từ Excel', en: 'Import from Excel' },
  'transfer.cancel': { vi: 'Hủy', en: 'Cancel' },
  'transfer.back': { vi: 'Quay lại', en: 'Back' },
  'transfer.nothingWritten': {
    vi: 'Chưa có gì được ghi vào kế hoạch.',
    en: 'Nothing has been written to the plan yet.',
  },
  'transfer.cancelled': { vi: 'Đã hủy nhập tệp. Kế hoạch không thay đổi.', en: 'Import cancelled. The plan is unchanged.' },

  // ---- progress ----
  'transfer.progress.open': { vi: 'Đang mở tệp…', en: 'Opening the file…' },
  'transfer.progress.read': { vi: 'Đang đọc bảng kinh phí…', en: 'Reading the budget table…' },
  'transfer.progress.readSheet': { vi: 'Đang đọc trang tính "{sheet}"…', en: 'Reading sheet "{sheet}"…' },
  'transfer.progress.hint': {
    vi: 'Tệp được đọc riêng, không ảnh hưởng đến kế hoạch đang mở. Có thể hủy bất cứ lúc nào.',
    en: 'The file is read separately and does not touch the open plan. You can cancel at any time.',
  },

  // ---- sheet choice ----
  'transfer.sheet.title': { vi: 'Chọn trang tính', en: 'Choose a sheet' },
  'transfer.sheet.hint': {
    vi: 'Tệp "{file}" có {count} trang tính. Chọn trang chứa bảng kinh phí cần nhập.',
    en: '"{file}" has {count} sheets. Choose the sheet holding the budget table to import.',
  },
  'transfer.sheet.auto': { vi: 'Tự động: trang đầu tiên có bảng kinh phí', en: 'Automatic: the first sheet with a budget table' },
  'transfer.sheet.hidden': { vi: 'trang ẩn', en: 'hidden sheet' },
  'transfer.sheet.read': { vi: 'Đọc trang đã chọn', en: 'Read the chosen sheet' },

  // ---- report ----
  'transfer.report.title': { vi: 'Báo cáo nhập dữ liệu', en: 'Import report' },
  'transfer.report.intro': {
    vi: 'Kiểm tra kết quả đọc tệp trước khi ghi. Chưa có gì được ghi vào kế hoạch.',
    en: 'Check what was read before anything is written. Nothing has been written to the plan yet.',
  },
  'transfer.report.file': { vi: 'Tệp', en: 'File' },
  'transfer.report.sheet': { vi: 'Trang tính', en: 'Sheet' },
  'transfer.report.otherSheet': { vi: 'Chọn trang khác…', en: 'Another sheet…' },
  'transfer.report.format': { vi: 'Định dạng', en: 'Format' },
  'transfer.report.unit': { vi: 'Đơn vị tính', en: 'Unit' },
  'transfer.report.header': { vi: 'Dòng tiêu đề', en: 'Header rows' },
  'transfer.report.lines': { vi: 'Số dòng nhập', en: 'Lines' },
  'transfer.report.amounts': { vi: 'Số liệu', en: 'Figures' },
  'transfer.report.stated': { vi: 'Số ghi ở ô tổng', en: 'Stated totals' },
  'transfer.report.fromPlanDesk': { vi: 'Phụ lục do PlanDesk xuất (đọc lại chính xác)', en: 'An annex exported by PlanDesk (read back exactly)' },
  'transfer.report.totals': { vi: 'Tổng cộng theo cột', en: 'Totals by column' },
  'transfer.report.inFile': { vi: 'Trong tệp', en: 'In the file' },
  'transfer.report.current': { vi: 'Kế hoạch đang mở', en: 'Open plan' },
  'transfer.report.difference': { vi: 'Chênh lệch', en: 'Difference' },
  'transfer.report.columns': { vi: 'Cột đã nhận', en: 'Columns read' },
  'transfer.report.colLetter': { vi: 'Cột', en: 'Column' },
  'transfer.report.colHeader': { vi: 'Tiêu đề trong tệp', en: 'Header in the file' },
  'transfer.report.colMeaning': { vi: 'Nhập vào', en: 'Imported as' },
  'transfer.report.unmapped': {
    vi: '{count} cột không nhận ra được nên không được nhập. Có thể chỉ định ý nghĩa từng cột.',
    en: '{count} columns were not recognised and are not imported. Their meaning can be given.',
  },
  'transfer.report.ignoredByMapping': { vi: 'Bỏ qua (theo ánh xạ cột)', en: 'Ignored (column mapping)' },
  'transfer.report.mapColumns': { vi: 'Ánh xạ cột…', en: 'Map columns…' },
  'transfer.report.warningCount': { vi: 'Cảnh báo', en: 'Warnings' },
  'transfer.report.cells': { vi: 'Ô không đọc được ({count})', en: 'Cells that could not be read ({count})' },
  'transfer.report.warnings': { vi: 'Cảnh báo ({count})', en: 'Warnings ({count})' },
  'transfer.report.skipped': { vi: 'Dòng bỏ qua ({count})', en: 'Rows skipped ({count})' },
  'transfer.report.address': { vi: 'Ô / dòng', en: 'Cell / row' },
  'transfer.report.message': { vi: 'Nội dung', en: 'Message' },
  'transfer.report.reason': { vi: 'Lý do', en: 'Reason' },
  'transfer.report.none': { vi: 'Không có.', en: 'None.' },
  'transfer.report.clean': { vi: 'Đọc được toàn bộ: không có cảnh báo.', en: 'Everything was read: no warnings.' },
  'transfer.report.how': { vi: 'Ghi dữ liệu đã đọc vào đâu?', en: 'Where should the data go?' },
  'transfer.report.new': { vi: 'Tạo tệp kế hoạch mới…', en: 'Create a new plan file…' },
  'transfer.report.newHint': {
    vi: 'Một tệp .plandesk mới chứa bảng vừa đọc, rồi mở tệp đó. Kế hoạch đang mở giữ nguyên.',
    en: 'A new .plandesk file holding the table just read, then opened. The open plan stays as it is.',
  },
  'transfer.report.replace': { vi: 'Thay bảng hiện tại', en: 'Replace the current table' },
  'transfer.report.replaceHint': {
    vi: 'Thay toàn bộ dòng và số liệu của "{file}" bằng bảng vừa đọc, trong một bước có thể hoàn tác (Ctrl+Z). Thiết lập quy tắc giữ nguyên; dòng nào khớp một dòng cũ (theo mã số hay tên) giữ loại vốn được nhận của dòng đó.',
    en: 'Replace every line and figure of "{file}" by the table just read, as one step that can be undone (Ctrl+Z). Rule settings stay; a line that matches an old one (by code or name) keeps the capital types that line accepted.',
  },
  'transfer.report.newColumns': { vi: 'Cột nguồn vốn chưa có trong kế hoạch', en: 'Funding columns the plan has not' },
  'transfer.report.newColumnsIntro': {
    vi: 'Tệp có {count} cột nguồn vốn mà kế hoạch đang mở chưa có. Chọn cho từng cột có số liệu trước khi thay bảng hoặc điền số liệu; tạo tệp kế hoạch mới thì giữ nguyên các cột của tệp.',
    en: 'The file has {count} funding columns the open plan has not. Choose for each column with figures before replacing the table or filling it; a new plan file keeps the file\'s columns as they are.',
  },
  'transfer.report.newColumnsMissing': { vi: 'Còn {count} cột có số liệu chưa chọn.', en: '{count} columns with figures have no choice yet.' },
  'transfer.report.colInFile': { vi: 'Số liệu trong tệp', en: 'Figures in the file' },
  'transfer.report.colChoice': { vi: 'Xử lý', en: 'What to do' },
  'transfer.report.choice.pick': { vi: '— Chọn —', en: '— Choose —' },
  'transfer.report.choice.add': { vi: 'Thêm cột này vào kế hoạch', en: 'Add this column to the plan' },
  'transfer.report.choice.skip': { vi: 'Bỏ qua (không nhập {amount})', en: 'Skip it (do not import {amount})' },
  'transfer.report.choice.map': { vi: 'Nhập vào cột "{column}"', en: 'Put into column "{column}"' },
  'transfer.report.noFigures': { vi: 'không có số liệu', en: 'no figures' },
  'transfer.report.readOnly': { vi: 'Kế hoạch đang mở ở chế độ chỉ đọc.', en: 'The open plan is read-only.' },
  'transfer.report.fill': { vi: 'Điền vào các dòng hiện có', en: 'Fill the existing lines' },
  'transfer.report.fillHint': {
    vi: 'Giữ các dòng của "{file}" (tên, thứ tự, loại vốn được nhận); dòng nào của tệp khớp một dòng (theo mã số, rồi theo tên) thì lấy số liệu của tệp. Một bước có thể hoàn tác (Ctrl+Z).',
    en: 'Keep the lines of "{file}" (names, order, accepted capital types); each line of the file that matches one (by code, then name) takes the file\'s figures. One step that can be undone (Ctrl+Z).',
  },
  'transfer.report.confirmReplace': {
    vi: 'Thay {old} dòng hiện có bằng {lines} dòng từ "{file}"?',
    en: 'Replace the {old} current lines by {lines} lines from "{file}"?',
  },
  'transfer.report.confirmReplaceOk': { vi: 'Thay bảng', en: 'Replace' },
  // Units' shares that cannot follow a replaced table (issue 14).
  'transfer.report.confirmLostShares': {
    vi: 'Sẽ mất {count} phần phân bổ cho đơn vị, tổng {amount} (hoàn tác được).',
    en: '{count} units\' shares, {amount} in all, will be dropped (undoable).',
  },
  'transfer.report.lostShares': { vi: 'Phân bổ cho đơn vị không giữ được khi thay bảng ({count})', en: 'Units\' shares that replacing the table drops ({count})' },
  'transfer.report.lostSharesHint': {
    vi: 'Dòng khớp với dòng trong tệp và còn số liệu ở cột đó thì giữ nguyên phân bổ; các phần dưới đây mất cùng dòng cũ.',
    en: 'A line that matches a line of the file and still holds a figure in that column keeps its shares; those below go with the old lines.',
  },
  'transfer.report.lost.unit': { vi: 'Đơn vị', en: 'Unit' },
  'transfer.report.lost.line': { vi: 'Dòng', en: 'Line' },
  'transfer.report.lost.column': { vi: 'Cột nguồn vốn', en: 'Funding column' },
  'transfer.report.lost.value': { vi: 'Số tiền', en: 'Amount' },
  'transfer.report.lost.reason': { vi: 'Lý do', en: 'Reason' },
  'transfer.report.lost.line_gone': { vi: 'Dòng không có trong tệp', en: 'The line is not in the file' },
  'transfer.report.lost.column_gone': { vi: 'Cột không còn là cột chi tiết', en: 'The column is no longer a detail column' },
  'transfer.report.lost.no_figures': { vi: 'Dòng trong tệp không có số liệu ở cột này', en: 'The file\'s line holds no figure in this column' },
  'transfer.report.newPath': { vi: 'Đường dẫn tệp kế hoạch mới (.plandesk)', en: 'Path of the new plan file (.plandesk)' },
  'transfer.report.create': { vi: 'Tạo tệp', en: 'Create' },
  'transfer.report.unitChange': {
    vi: 'Đơn vị hiển thị của kế hoạch sẽ đổi thành {unit} như trong tệp.',
    en: 'The plan\'s display unit will change to {unit}, as in the file.',
  },
  'transfer.done.replace': {
    vi: 'Đã thay bảng bằng {lines} dòng từ "{file}". Có thể hoàn tác bằng Ctrl+Z.',
    en: 'The table was replaced by {lines} lines from "{file}". Undo with Ctrl+Z.',
  },
  'transfer.done.fill': {
    vi: 'Đã điền số liệu của {lines} dòng từ "{file}" ({cells} ô thay đổi). Có thể hoàn tác bằng Ctrl+Z.',
    en: 'Figures of {lines} lines filled from "{file}" ({cells} cells changed). Undo with Ctrl+Z.',
  },
  'transfer.done.fillUnmatched': {
    vi: '{count} dòng của tệp không khớp dòng nào của kế hoạch nên không được điền: {lines}.',
    en: '{count} lines of the file match no line of the plan and were not filled: {lines}.',
  },
  'transfer.done.new': { vi: 'Đã tạo và mở "{name}".', en: 'Created and opened "{name}".' },

  // ---- failure ----
  'transfer.failed.title': { vi: 'Không nhập được tệp', en: 'The file could not be imported' },
  'transfer.failed.unchanged': { vi: 'Kế hoạch đang mở không thay đổi.', en: 'The open plan is unchanged.' },
  'transfer.failed.map': { vi: 'Chỉ định cột…', en: 'Assign columns…' },

  // ---- mapping ----
  'transfer.mapping.title': { vi: 'Ánh xạ cột', en: 'Column mapping' },
  'transfer.mapping.hint': {
    vi: 'Cho PlanDesk biết dòng nào là tiêu đề bảng và mỗi cột chứa gì. Cột để "Tự nhận" được hiểu theo tiêu đề.',
    en: 'Tell PlanDesk which rows are the table header and what each column holds. Columns left on "Automatic" are read from their header.',
  },
  'transfer.mapping.noTable': {
    vi: 'Không tự tìm được bảng kinh phí trong trang này: hãy chọn dòng tiêu đề, cột nội dung (hoặc STT) và ít nhất một cột số tiền.',
    en: 'No budget table was found in this sheet: choose the header rows, the description (or number) column and at least one amount column.',
  },
  'transfer.mapping.ambiguous': {
    vi: 'Có cột mang cùng ý nghĩa với một cột khác (ví dụ hai cột "Tổng cộng"), nên chưa thể biết chắc cột nào là số liệu cần nhập: hãy chỉ định từng cột.',
    en: 'A column means the same as another one (e.g. two "Total" columns), so which one holds the figures is not certain: assign each column.',
  },
  'transfer.mapping.sheet': { vi: 'Trang tính', en: 'Sheet' },
  'transfer.mapping.headerFrom': { vi: 'Dòng tiêu đề từ', en: 'Header rows from' },
  'transfer.mapping.headerTo': { vi: 'đến', en: 'to' },
  'transfer.mapping.template': { vi: 'Mẫu đã lưu', en: 'Saved template' },
  'transfer.mapping.noTemplate': { vi: '— không dùng —', en: '— none —' },
  'transfer.mapping.deleteTemplate': { vi: 'Xóa mẫu', en: 'Delete template' },
  'transfer.mapping.loading': { vi: 'Đang đọc trang tính…', en: 'Reading the sheet…' },
  'transfer.mapping.row': { vi: 'Dòng', en: 'Row' },
  'transfer.mapping.more': { vi: 'Trang tính có {count} dòng có dữ liệu; chỉ hiện các dòng đầu.', en: 'The sheet has {count} rows with data; only the first are shown.' },
  'transfer.mapping.save': { vi: 'Lưu thành mẫu để dùng lại', en: 'Save as a template to reuse' },
  'transfer.mapping.name': { vi: 'Tên mẫu', en: 'Template name' },
  'transfer.mapping.apply': { vi: 'Đọc lại với ánh xạ này', en: 'Read again with this mapping' },
  'transfer.mapping.needLine': {
    vi: 'Cần một cột Nội dung hoặc Mã (STT) và ít nhất một cột số tiền.',
    en: 'A Description or Code column and at least one amount column are needed.',
  },
  'transfer.target.auto': { vi: 'Tự nhận', en: 'Automatic' },
  'transfer.target.autoAs': { vi: '{target} (tự nhận)', en: '{target} (automatic)' },
  'transfer.target.unknown': { vi: '— chưa nhận ra —', en: '— not recognised —' },
  'transfer.target.ignore': { vi: 'Bỏ qua', en: 'Ignore' },
  'transfer.target.code': { vi: 'Mã (STT)', en: 'Code (No.)' },
  'transfer.target.name': { vi: 'Nội dung', en: 'Description' },
  'transfer.target.agency': { vi: 'Cơ quan chủ trì', en: 'Lead agency' },
  'transfer.target.note': { vi: 'Ghi chú', en: 'Notes' },
  'transfer.target.group': { vi: 'Số tiền', en: 'Amounts' },
  'transfer.target.fields': { vi: 'Thông tin dòng', en: 'Line fields' },

  // ---- drop ----
  'transfer.drop.title': { vi: 'Thả tệp vào đây để nhập từ Excel', en: 'Drop the file here to import it' },
  'transfer.drop.formats': { vi: 'Tệp .xlsx, .xls hoặc .ods, tối đa 100 MB', en: '.xlsx, .xls or .ods files, at most 100 MB' },

  // ---- export ----
  'transfer.export.title': { vi: 'Xuất ra Excel', en: 'Export to Excel' },
  'transfer.export.hint': {
    vi: 'Xuất bảng kinh phí thành tệp .xlsx: các ô tổng là công thức, số liệu đúng như trong kế hoạch.',
    en: 'Export the budget table as an .xlsx file: totals are formulas, figures exactly as in the plan.',
  },
  'transfer.export.default': { vi: 'Phụ lục theo mẫu mặc định', en: 'Annex in the default layout' },
  'transfer.export.defaultHint': {
    vi: 'Phụ lục, tiêu đề, đơn vị tính, bảng nhiều tầng tiêu đề, dòng TỔNG CỘNG, chữ ký — khổ A4 ngang.',
    en: 'Annex number, title, unit, multi-row header, TOTAL row, signatures — A4 landscape.',
  },
  'transfer.export.template': { vi: 'Điền vào mẫu của đơn vị (.xlsx)', en: 'Fill the department\'s own template (.xlsx)' },
  'transfer.export.templateHint': {
    vi: 'Giữ nguyên tiêu đề, định dạng và phần chữ ký của tệp mẫu; PlanDesk điền các dòng và số liệu.',
    en: 'The template keeps its title, formatting and signature block; PlanDesk fills the lines and figures.',
  },
  'transfer.export.mapping': { vi: 'Ánh xạ cột của mẫu', en: 'Template column mapping' },
  'transfer.export.autoMapping': { vi: 'Tự nhận theo tiêu đề cột', en: 'Read from the column headers' },
  'transfer.export.templatePath': { vi: 'Đường dẫn tệp mẫu (.xlsx)', en: 'Path of the template (.xlsx)' },
  'transfer.export.path': { vi: 'Lưu vào đường dẫn (.xlsx)', en: 'Save to path (.xlsx)' },
  'transfer.export.chooseTemplate': { vi: 'Sẽ chọn tệp mẫu ở bước sau.', en: 'The template file is chosen next.' },
  'transfer.export.run': { vi: 'Xuất', en: 'Export' },
  'transfer.export.running': { vi: 'Đang ghi tệp…', en: 'Writing the file…' },
  'transfer.export.done': { vi: 'Đã xuất "{name}".', en: 'Exported "{name}".' },
  'transfer.note.created': { vi: 'Nhập từ tệp Excel {source}', en: 'Imported from the Excel file {source}' },
} as const;

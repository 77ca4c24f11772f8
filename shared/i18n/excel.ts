// Dictionary entries of spreadsheet import and export (electron/engine/excel): refusals, import
// report warnings, skipped-row reasons, the annex's fixed texts and the CLI's import/export lines.
export const excel = {
  // ---- refusals (ImportError codes) ----
  'excel.error.cancelled': { vi: 'Đã hủy nhập tệp.', en: 'Import cancelled.' },
  'excel.error.not_found': { vi: 'Không tìm thấy tệp "{file}".', en: 'File "{file}" not found.' },
  'excel.error.empty_file': { vi: 'Tệp rỗng (0 byte): không có gì để nhập.', en: 'The file is empty (0 bytes): nothing to import.' },
  'excel.error.file_too_big': {
    vi: 'Tệp quá lớn ({size} MB; tối đa {max} MB). Hãy tách bảng hoặc xóa các trang tính không cần thiết rồi thử lại.',
    en: 'The file is too big ({size} MB; at most {max} MB). Split the table or remove unneeded sheets and try again.',
  },
  'excel.error.not_spreadsheet': {
    vi: 'Tệp này không phải là bảng tính Excel hay LibreOffice (.xlsx, .xls, .ods). Hãy mở tệp bằng Excel và lưu lại dưới dạng .xlsx.',
    en: 'This file is not an Excel or LibreOffice spreadsheet (.xlsx, .xls, .ods). Open it in Excel and save it as .xlsx.',
  },
  'excel.error.damaged': {
    vi: 'Tệp bảng tính bị hỏng hoặc không đầy đủ (có thể tải về hoặc sao chép chưa xong). Hãy lấy lại tệp gốc.',
    en: 'The spreadsheet is damaged or incomplete (perhaps a download or copy did not finish). Please get the original file again.',
  },
  'excel.error.damaged_part': {
    vi: 'Tệp bị hỏng: phần {part} không khớp mã kiểm tra (CRC-32) hoặc kích thước đã ghi trong tệp (có thể tệp bị thay đổi khi sao chép hay gửi qua thư). PlanDesk không nhập để khỏi sai số liệu. Hãy lấy lại tệp gốc.',
    en: 'The file is damaged: part {part} does not match its checksum (CRC-32) or the size recorded in the file (it may have changed while copied or mailed). PlanDesk does not import it, so no figure is altered. Please get the original file again.',
  },
  'excel.error.missing_part': {
    vi: 'Tệp bị hỏng: thiếu phần {part} mà bảng tính khai báo. Hãy lấy lại tệp gốc.',
    en: 'The file is damaged: part {part}, which the workbook declares, is missing. Please get the original file again.',
  },
  'excel.error.cell_too_long': {
    vi: 'Không ghi được tệp: ô {cell} có {length} ký tự, quá giới hạn {max} ký tự một ô của Excel. Hãy rút ngắn nội dung đó rồi làm lại.',
    en: 'The file cannot be written: cell {cell} holds {length} characters, over Excel\'s limit of {max} per cell. Shorten that text and try again.',
  },
  'excel.error.encrypted': {
    vi: 'Tệp được đặt mật khẩu (mã hóa), PlanDesk không đọc được. Hãy mở bằng Excel, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi lưu lại.',
    en: 'The file is password-protected (encrypted) and PlanDesk cannot read it. Open it in Excel, remove the password and save it again.',
  },
  'excel.error.zip_bomb': {
    vi: 'Tệp bị từ chối: nội dung giải nén lớn bất thường so với kích thước tệp (có thể là tệp độc hại).',
    en: 'File refused: it unpacks to an abnormally large size for its file size (possibly a malicious file).',
  },
  'excel.error.xml_dtd': {
    vi: 'Tệp bị từ chối: chứa khai báo DTD/thực thể XML không được phép trong bảng tính (có thể là tệp độc hại).',
    en: 'File refused: it contains an XML DTD/entity declaration, which spreadsheets do not use (possibly a malicious file).',
  },
  'excel.error.too_many_rows': {
    vi: 'Trang tính có quá nhiều dòng (tối đa {max} dòng có dữ liệu). Hãy xóa các dòng thừa hoặc tách bảng.',
    en: 'The sheet has too many rows (at most {max} rows with data). Remove unneeded rows or split the table.',
  },
  'excel.error.too_many_columns': {
    vi: 'Bảng có {count} cột nguồn vốn, quá số cột tối đa của một kế hoạch ({max}). Hãy bỏ bớt cột hoặc tách bảng.',
    en: 'The table has {count} funding columns, more than a plan takes ({max}). Remove some columns or split the table.',
  },
  'excel.error.too_large': {
    vi: 'Trang tính quá lớn để nhập (quá nhiều ô hoặc chuỗi). Hãy xóa dữ liệu thừa hoặc tách bảng.',
    en: 'The sheet is too large to import (too many cells or strings). Remove unneeded data or split the table.',
  },
  'excel.error.convert_to_xlsx': {
    vi: 'Tệp .{format} này quá lớn để đọc trực tiếp. Hãy mở bằng Excel hoặc LibreOffice, lưu dưới dạng .xlsx rồi nhập lại.',
    en: 'This .{format} file is too large to read directly. Open it in Excel or LibreOffice, save it as .xlsx and import again.',
  },
  'excel.error.unsupported': {
    vi: 'Định dạng bảng tính này chưa được hỗ trợ ({detail}). Hãy lưu lại dưới dạng .xlsx.',
    en: 'This spreadsheet format is not supported ({detail}). Save it as .xlsx.',
  },
  'excel.error.timeout': {
    vi: 'Đọc tệp quá lâu (quá {seconds} giây) nên đã dừng. Hãy tách bảng hoặc lưu lại dưới dạng .xlsx rồi thử lại.',
    en: 'Reading the file took too long (over {seconds} s) and was stopped. Split the table or save it as .xlsx and try again.',
  },
  'excel.error.no_sheets': { vi: 'Bảng tính không có trang tính nào.', en: 'The workbook has no sheets.' },
  'excel.error.sheet_not_found': {
    vi: 'Không có trang tính "{sheet}". Các trang tính: {sheets}.',
    en: 'There is no sheet "{sheet}". Sheets: {sheets}.',
  },
  'excel.error.no_table': {
    vi: 'Không tìm thấy bảng kinh phí trong tệp: cần một dòng tiêu đề có cột nội dung (hoặc STT) và ít nhất một cột số tiền (Tổng cộng, NSTW, NSĐP…). Có thể chỉ định cột bằng tệp ánh xạ (--mapping).',
    en: 'No budget table found: a header row with a description (or number) column and at least one amount column (Total, Central, Local…) is needed. Columns can be given with a mapping file (--mapping).',
  },
  'excel.error.no_table_in_sheet': {
    vi: 'Trang tính "{sheet}" không có bảng kinh phí nhận ra được. Có thể chỉ định dòng tiêu đề và cột bằng tệp ánh xạ (--mapping).',
    en: 'Sheet "{sheet}" has no recognisable budget table. Header rows and columns can be given with a mapping file (--mapping).',
  },
  'excel.error.bad_mapping': { vi: 'Tệp ánh xạ cột không hợp lệ: {detail}', en: 'Invalid column mapping: {detail}' },
  'excel.error.template': {
    vi: 'Không dùng được mẫu "{file}": {detail}',
    en: 'Cannot use template "{file}": {detail}',
  },
  'excel.error.templateFormat': {
    vi: 'Mẫu "{file}" là tệp {format}; PlanDesk điền mẫu dạng .xlsx để giữ nguyên định dạng. Hãy mở mẫu trong Excel, chọn Tệp → Lưu thành → Sổ làm việc Excel (.xlsx), rồi chọn lại tệp .xlsx đó.',
    en: 'Template "{file}" is a {format} file; PlanDesk fills .xlsx templates so that their formatting is kept. Open it in Excel, choose File → Save As → Excel Workbook (.xlsx), and pick that .xlsx file.',
  },
  'excel.error.write_failed': {
    vi: 'Không ghi được tệp "{file}" (đĩa đầy, tệp đang mở trong Excel, hoặc không có quyền ghi).',
    en: 'Could not write "{file}" (disk full, file open in Excel, or no permission).',
  },

  // ---- import report: warnings ----
  'excel.warn.unmapped_column': {
    vi: 'Cột {column} ("{header}") không nhận ra được nên không được nhập. Có thể chỉ định bằng tệp ánh xạ.',
    en: 'Column {column} ("{header}") was not recognised and is not imported. It can be assigned in a mapping file.',
  },
  'excel.warn.duplicate_column': {
    vi: 'Cột {column} có cùng ý nghĩa ({key}) với một cột trước nó nên không được nhập. Có thể chỉ định bằng tệp ánh xạ.',
    en: 'Column {column} means the same ({key}) as an earlier column and is not imported. It can be assigned in a mapping file.',
  },
  'excel.warn.unknown_key': {
    vi: 'Cột {column} được ánh xạ tới "{key}", không có trong cây cột của kế hoạch: bỏ qua.',
    en: 'Column {column} is mapped to "{key}", which is not in the plan\'s column tree: ignored.',
  },
  'excel.warn.columns_dropped': {
    vi: '{count} ô nằm ngoài {max} cột đầu tiên được bỏ qua.',
    en: '{count} cells beyond the first {max} columns were ignored.',
  },
  'excel.warn.unit_missing': {
    vi: 'Không thấy dòng "Đơn vị tính" trong tệp: số liệu được hiểu theo đơn vị {unit}. Hãy kiểm tra lại.',
    en: 'No "Đơn vị tính" (unit) line in the file: figures are read in unit {unit}. Please check.',
  },
  'excel.warn.unreadable_cell': {
    vi: 'Ô không đọc được thành số: "{text}" — bỏ qua ô này.',
    en: 'Cell could not be read as a number: "{text}" — cell skipped.',
  },
  'excel.warn.amount_rounded': {
    vi: 'Số "{text}" không phải số đồng chẵn nên không lưu đúng được: đã làm tròn đến đồng, ghi là {value} đồng. Hãy kiểm tra.',
    en: 'The number "{text}" is not a whole number of đồng and cannot be stored exactly: rounded to the đồng, stored as {value} đồng. Please check.',
  },
  'excel.warn.amount_out_of_range': {
    vi: 'Số "{text}" vượt quá giới hạn một ô ({max} đồng): ô này không được nhập.',
    en: 'The number "{text}" exceeds the limit of one cell ({max} đồng): this cell is not imported.',
  },
  'excel.warn.text_cut': {
    vi: 'Nội dung ô dài {length} ký tự, quá giới hạn {max} ký tự của trường này: chỉ giữ {max} ký tự đầu.',
    en: 'The cell holds {length} characters, over this field\'s limit of {max}: only the first {max} are kept.',
  },
  'excel.warn.meta_text_cut': {
    vi: 'Thông tin kế hoạch "{fieldVi}" dài {length} ký tự, quá giới hạn {max} ký tự: chỉ giữ {max} ký tự đầu.',
    en: 'The plan detail "{fieldEn}" holds {length} characters, over the limit of {max}: only the first {max} are kept.',
  },
  'excel.warn.formula_no_value': {
    vi: 'Ô có công thức nhưng tệp không lưu kết quả (PlanDesk không tự tính công thức Excel): bỏ qua ô này. Hãy mở tệp bằng Excel, lưu lại rồi nhập lại.',
    en: 'The cell has a formula but the file holds no result (PlanDesk never evaluates Excel formulas): cell skipped. Open and save the file in Excel, then import again.',
  },
  'excel.warn.ambiguous_number': {
    vi: 'Số ghi dạng chữ "{text}" có thể hiểu hai cách; đã đọc là {value} (theo quy ước {locale} của bảng). Hãy kiểm tra.',
    en: 'Number stored as text "{text}" can be read two ways; read as {value} (the table\'s {locale} convention). Please check.',
  },
  'excel.warn.text_numbers': {
    vi: '{count} ô số được lưu dưới dạng chữ; đã đọc theo quy ước {locale}.',
    en: '{count} numbers were stored as text; read with the {locale} convention.',
  },
  'excel.warn.code_not_numbering': {
    vi: 'Mã "{code}" không theo cách đánh số thông thường (I, 1, 1.1, a, -, +): vị trí dòng trong cây được suy ra từ chữ đậm và thụt lề.',
    en: 'Code "{code}" does not follow the usual numbering (I, 1, 1.1, a, -, +): its place in the tree comes from bold and indentation.',
  },
  'excel.warn.formula_total_differs': {
    vi: 'Công thức tổng trong tệp cho {file}, nhưng tổng các phần là {computed} (chênh lệch {diff}): công thức có thể bỏ sót dòng. Số của tệp được giữ làm số ghi để đối chiếu.',
    en: 'The file\'s total formula gives {file}, but its parts add up to {computed} (difference {diff}): the formula may miss a line. The file\'s figure is kept as a stated figure to compare.',
  },
  'excel.warn.text_skipped_by_sum': {
    vi: 'Ô này ghi số "{text}" dưới dạng chữ, nên công thức SUM của tệp đã bỏ qua nó: {count} ô tổng trong tệp thiếu {value}. PlanDesk tính cả ô này; các tổng của tệp được giữ làm số ghi để đối chiếu. Hãy sửa ô thành số trong tệp gốc.',
    en: 'This cell holds "{text}" as text, so the file\'s SUM formulas skipped it: {count} totals in the file are short by {value}. PlanDesk counts it; the file\'s totals are kept as stated figures to compare. Make the cell a number in the original file.',
  },
  'excel.warn.stated_mismatch': {
    vi: 'Số ghi {stated} khác tổng các phần {computed} (chênh lệch {diff}): được giữ là số ghi để đối chiếu.',
    en: 'Stated figure {stated} differs from the sum of its parts {computed} (difference {diff}): kept as a stated value to compare.',
  },
  'excel.warn.total_row_mismatch': {
    vi: 'Dòng TỔNG CỘNG của tệp ghi {file}, tổng các dòng là {computed} (chênh lệch {diff}).',
    en: 'The file\'s TOTAL row says {file}; the lines add up to {computed} (difference {diff}).',
  },
  'excel.warn.legacy_font': {
    vi: 'Tệp dùng phông chữ cũ "{font}" (TCVN3/VNI): chữ tiếng Việt có thể hiển thị sai. Hãy chuyển mã sang Unicode (ví dụ bằng Unikey) rồi nhập lại.',
    en: 'The file uses the legacy font "{font}" (TCVN3/VNI): Vietnamese text may be garbled. Convert it to Unicode (e.g. with Unikey) and import again.',
  },
  'excel.warn.legacy_text': {
    vi: 'Chữ trong tệp có vẻ dùng bảng mã cũ TCVN3/VNI (ví dụ "{example}"): hãy chuyển mã sang Unicode (ví dụ bằng Unikey) rồi nhập lại.',
    en: 'Text in the file seems to use a legacy TCVN3/VNI encoding (e.g. "{example}"): convert it to Unicode (e.g. with Unikey) and import again.',
  },
  'excel.warn.no_lines': { vi: 'Bảng không có dòng nào để nhập.', en: 'The table has no lines to import.' },
  'excel.warn.more': { vi: 'Còn {count} cảnh báo khác không liệt kê.', en: '{count} more warnings not listed.' },

  // ---- import report: skipped rows ----
  'excel.skip.hidden_row': { vi: 'Dòng bị ẩn', en: 'Hidden row' },
  'excel.skip.hidden_column': { vi: 'Cột bị ẩn', en: 'Hidden column' },
  'excel.skip.column_numbers': { vi: 'Dòng đánh số cột', en: 'Column-number row' },
  'excel.skip.total_row': { vi: 'Dòng tổng cộng (được tính lại và đối chiếu)', en: 'Total row (recomputed and compared)' },
  'excel.skip.footer': { vi: 'Phần cuối bảng (ghi chú, chữ ký)', en: 'Footer (notes, signatures)' },
  'excel.skip.next_table': { vi: 'Một bảng khác bắt đầu (dòng tiêu đề mới): chỉ nhập bảng đầu', en: 'Another table starts (a new header row): only the first table is imported' },
  'excel.skip.text_row': { vi: 'Dòng chỉ có chữ (ví dụ "Trong đó:")', en: 'Text-only row (e.g. "Trong đó:")' },
  'excel.skip.no_line': { vi: 'Dòng không có mã, nội dung hay số liệu', en: 'Row without code, description or figures' },

  // ---- the annex (export): its texts are the printed annex's own (shared/i18n/print.ts) ----
  'excel.annex.grandTotal': { vi: 'TỔNG CỘNG', en: 'GRAND TOTAL' },
  'excel.annex.statedNote': {
    vi: 'Số ghi trong kế hoạch: {stated}. Tổng các phần: {computed} (chênh lệch {diff}). PlanDesk giữ số ghi để đối chiếu.',
    en: 'Stated in the plan: {stated}. Sum of the parts: {computed} (difference {diff}). PlanDesk keeps the stated figure to compare.',
  },

  // ---- CLI ----
  'excel.cli.usage.import': {
    vi: 'Cách dùng: plandesk import TỆP.xlsx --out MỚI.plandesk [--sheet TÊN|SỐ] [--mapping ÁNH_XẠ.json] [--json] [--force] | plandesk import TỆP.xlsx --into KẾ_HOẠCH.plandesk [--kind plan|allocation|execution] [--sheet TÊN|SỐ] [--json]',
    en: 'Usage: plandesk import FILE.xlsx --out NEW.plandesk [--sheet NAME|INDEX] [--mapping MAP.json] [--json] [--force] | plandesk import FILE.xlsx --into PLAN.plandesk [--kind plan|allocation|execution] [--sheet NAME|INDEX] [--json]',
  },
  'excel.cli.usage.export': {
    vi: 'Cách dùng: plandesk export TỆP.plandesk --out RA.xlsx [--template MẪU.xlsx --mapping ÁNH_XẠ.json | --by-unit]',
    en: 'Usage: plandesk export FILE.plandesk --out OUT.xlsx [--template TEMPLATE.xlsx --mapping MAP.json | --by-unit]',
  },
  'excel.cli.summary': {
    vi: 'Trang tính "{sheet}": {lines} dòng, {amounts} số liệu ({stated} số ghi ở ô tổng), đơn vị {unit}.',
    en: 'Sheet "{sheet}": {lines} lines, {amounts} figures ({stated} stated at total cells), unit {unit}.',
  },
  'excel.cli.totals': { vi: 'Tổng cộng theo cột:', en: 'Totals by column:' },
  'excel.cli.columns': { vi: 'Cột đã nhận:', en: 'Columns mapped:' },
  'excel.cli.added': { vi: 'Cột mới thêm vào kế hoạch (không có trong cây cột chuẩn):', en: 'New columns added to the plan (not in the standard column tree):' },
  'excel.cli.unmapped': { vi: 'Cột không nhận ra:', en: 'Columns not recognised:' },
  'excel.cli.skipped': { vi: 'Dòng bỏ qua:', en: 'Rows skipped:' },
  'excel.cli.warnings': { vi: 'Cảnh báo:', en: 'Warnings:' },
  'excel.cli.imported': { vi: 'Đã tạo {file}', en: 'Created {file}' },
  'excel.cli.exported': { vi: 'Đã xuất {file}', en: 'Exported {file}' },
} as const;

export type ExcelMessageKey = keyof typeof excel;

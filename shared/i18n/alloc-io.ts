// Dictionary entries of the units' files (issue 14): importing an allocation annex into the open
// plan (its report, problems by cell, refusals), the annex exported by unit, the files `split` writes
// one per unit, and their command-line texts. Document texts (sheet titles, headers) are Vietnamese
// in both languages, as the documents are.
export const allocIo = {
  // ---- refusals ----
  'allocio.error.no_annex': {
    vi: 'Không tìm thấy bảng phân bổ cho đơn vị trong tệp (cần một cột "Tên đơn vị" và các cột dự án, tiểu dự án).',
    en: 'No allocation table found in the file (it needs a "Tên đơn vị" (unit) column and project / sub-project columns).',
  },
  'allocio.error.nothing_usable': {
    vi: 'Không đọc được phần phân bổ nào: không cột nào của tệp khớp với một dòng và một cột nguồn vốn của kế hoạch. Không ghi gì.',
    en: 'No share could be read: no column of the file matches a line and a funding column of the plan. Nothing was written.',
  },
  'allocio.error.no_units': { vi: 'Tệp không có dòng đơn vị nào.', en: 'The file has no unit rows.' },
  'allocio.error.kind_unsupported': {
    vi: 'Tệp là {kind}: chưa hỗ trợ nhập loại bảng này vào kế hoạch.',
    en: 'The file is {kind}: importing this kind of table into a plan is not supported yet.',
  },
  'allocio.error.no_shares': {
    vi: 'Kế hoạch chưa giao phần nào cho đơn vị: không có gì để xuất.',
    en: 'The plan gives no shares to units yet: there is nothing to write.',
  },
  'allocio.error.no_dir': { vi: 'Không có thư mục "{folder}": hãy tạo thư mục trước.', en: 'There is no folder "{folder}": create it first.' },
  'allocio.error.plan_changed': {
    vi: 'Kế hoạch đã thay đổi sau khi đọc tệp: hãy đọc lại tệp phân bổ.',
    en: 'The plan changed after the file was read: read the allocation file again.',
  },
  // ---- kinds ----
  'allocio.kind.plan': { vi: 'bảng kế hoạch (các dòng × cột nguồn vốn)', en: 'a plan table (lines × funding columns)' },
  'allocio.kind.allocation': { vi: 'bảng phân bổ cho đơn vị (đơn vị × dòng)', en: 'an allocation annex (units × lines)' },
  'allocio.kind.execution': { vi: 'báo cáo tình hình giải ngân', en: 'a disbursement report' },
  'allocio.kind.unitFile': { vi: 'tệp của đơn vị "{unit}" (do PlanDesk tách ra)', en: 'the file of unit "{unit}" (split by PlanDesk)' },
  // ---- problems, by cell ----
  'allocio.problem.no_line': { vi: 'Cột không khớp với dòng nào của kế hoạch', en: 'The column matches no line of the plan' },
  'allocio.problem.no_funding': {
    vi: 'Không rõ cột nguồn vốn (tiêu đề và tên bảng không nói NSTW/NSĐP, ĐTPT/SN)',
    en: 'Which funding column is unclear (neither the headers nor the title name NSTW/NSĐP, ĐTPT/SN)',
  },
  'allocio.problem.line_is_parent': {
    vi: 'Dòng này phân bổ qua các dòng con của nó: không nhận phần của đơn vị',
    en: 'This line is allocated through its sub-lines: it takes no unit shares',
  },
  'allocio.problem.line_under_parent': {
    vi: 'Dòng này thuộc một dòng cha được phân bổ trực tiếp: phần của đơn vị ghi ở dòng cha',
    en: 'This line is under a parent allocated as a whole: units\' shares go on the parent',
  },
  'allocio.problem.line_twice': { vi: 'Hai cột cùng khớp một dòng và một cột nguồn vốn', en: 'Two columns match the same line and funding column' },
  'allocio.problem.text': { vi: 'Chữ ở chỗ cần số', en: 'Text where a figure should be' },
  'allocio.problem.negative': { vi: 'Phần phân bổ âm', en: 'A negative share' },
  'allocio.problem.too_large': { vi: 'Số quá lớn', en: 'The figure is too large' },
  'allocio.problem.no_value': { vi: 'Công thức chưa có kết quả lưu sẵn', en: 'A formula without a saved result' },
  'allocio.problem.unit_twice': { vi: 'Đơn vị có hai dòng trong tệp (chỉ lấy dòng đầu)', en: 'The unit has two rows in the file (only the first is read)' },
  'allocio.how.designator': { vi: 'theo dự án/tiểu dự án', en: 'by project/sub-project' },
  'allocio.how.code': { vi: 'theo mã số', en: 'by code' },
  'allocio.how.name': { vi: 'theo tên', en: 'by name' },
  'allocio.how.guessed': { vi: 'đoán', en: 'guessed' },
  'allocio.how.header': { vi: 'theo tiêu đề', en: 'by header' },
  'allocio.how.title': { vi: 'theo tên bảng', en: 'by title' },
  // ---- undo ----
  'allocio.undo.import': { vi: 'Nhập phân bổ từ {file}', en: 'Import allocation from {file}' },
  // ---- command line ----
  'allocio.cli.read': { vi: 'Đã đọc {kind}, trang "{sheet}".', en: 'Read {kind}, sheet "{sheet}".' },
  'allocio.cli.summary': {
    vi: '{units} đơn vị ({newUnits} đơn vị mới), {figures} số liệu, {changes} ô phân bổ thay đổi ({cleared} ô bị xóa vì tệp để trống); đơn vị tính: {unit}.',
    en: '{units} units ({newUnits} new), {figures} figures, {changes} share cells changed ({cleared} cleared by blank cells); unit: {unit}.',
  },
  'allocio.cli.unitAssumed': { vi: 'Tệp không ghi "Đơn vị tính": lấy đơn vị của kế hoạch ({unit}).', en: 'The file states no unit: the plan\'s unit was taken ({unit}).' },
  'allocio.cli.columns': { vi: 'Các cột:', en: 'Columns:' },
  'allocio.cli.column': { vi: '{letter} "{header}" → {line} | {column} ({how})', en: '{letter} "{header}" → {line} | {column} ({how})' },
  'allocio.cli.spelling': { vi: 'Đơn vị viết khác tên trong kế hoạch:', en: 'Units spelled otherwise than in the plan:' },
  'allocio.cli.newUnits': { vi: 'Đơn vị mới sẽ được tạo:', en: 'New units to create:' },
  'allocio.cli.groupRows': { vi: 'Dòng nhóm, dòng tổng (không phải đơn vị):', en: 'Group and total rows (not units):' },
  'allocio.cli.totalColumns': { vi: 'Cột tổng (bỏ qua):', en: 'Total columns (skipped):' },
  'allocio.cli.textNumbers': { vi: 'Số ghi dạng chữ (đã đọc):', en: 'Numbers stored as text (read):' },
  'allocio.cli.problems': { vi: 'Ô bỏ qua:', en: 'Cells skipped:' },
  'allocio.cli.written': {
    vi: 'Đã ghi {changes} ô phân bổ và {newUnits} đơn vị mới vào {file} (một bước hoàn tác; đã sao lưu trước).',
    en: 'Wrote {changes} share cells and {newUnits} new units into {file} (one undo step; backed up first).',
  },
  'allocio.cli.filled': {
    vi: 'Đã điền {filled} dòng của {file} từ tệp ({changed} ô thay đổi; một bước hoàn tác; đã sao lưu trước). Dòng của tệp không khớp dòng nào: {unmatched}.',
    en: 'Filled {filled} lines of {file} from the file ({changed} cells changed; one undo step; backed up first). Lines of the file matching none: {unmatched}.',
  },
  'allocio.cli.nothing': { vi: 'Không có gì thay đổi: phần phân bổ trong tệp giống kế hoạch.', en: 'Nothing changed: the file\'s shares are the plan\'s.' },
  'allocio.cli.exported': { vi: 'Đã xuất phụ lục phân bổ theo đơn vị: {file}', en: 'Exported the allocation annex by unit: {file}' },
  'allocio.cli.split': { vi: 'Đã ghi {count} tệp, mỗi đơn vị một tệp, vào {dir}', en: 'Wrote {count} files, one per unit, into {dir}' },
  'allocio.cli.usage.split': {
    vi: 'Cách dùng: plandesk split TỆP.plandesk --out THƯ_MỤC [--format xlsx|plandesk] [--force]',
    en: 'Usage: plandesk split FILE.plandesk --out FOLDER [--format xlsx|plandesk] [--force]',
  },
  'cli.help.split': {
    vi: 'Tách kế hoạch thành các tệp, mỗi đơn vị được giao phần kinh phí một tệp, đặt tên theo đơn vị (không dấu, ví dụ UBND-huyen-Krong-No.xlsx) để gửi đơn vị.\n  --out THƯ_MỤC                thư mục sẽ ghi các tệp (phải có sẵn)\n  --format xlsx|plandesk       phụ lục Excel (mặc định) hoặc tệp kế hoạch .plandesk\n  --force                      ghi đè các tệp cùng tên đã có (không có thì từ chối, không ghi gì)\nMỗi tệp Excel là phụ lục kế hoạch có số liệu là phần của đơn vị; plandesk import đọc lại đúng như vậy.\nMã thoát: 0 đã tách; 1 không đọc được kế hoạch, chưa có phần phân bổ hoặc không ghi được; 2 tham số sai.',
    en: 'Split a plan into files, one per unit holding a share, named after the unit in ASCII (e.g. UBND-huyen-Krong-No.xlsx), ready to send.\n  --out FOLDER                 the folder to write into (must exist)\n  --format xlsx|plandesk       an Excel annex (default) or a .plandesk plan file\n  --force                      replace files of the same names already there (without it: refused, nothing written)\nEach Excel file is a plan annex whose figures are the unit\'s shares; plandesk import reads it back exactly.\nExit codes: 0 split; 1 plan unreadable, no shares yet, or not written; 2 bad arguments.',
  },
  // ---- the window ----
  'allocio.menu.import': { vi: 'Nhập bảng phân bổ cho đơn vị từ Excel…', en: 'Import an allocation annex from Excel…' },
  'allocio.dialog.title': { vi: 'Nhập bảng phân bổ cho đơn vị', en: 'Import an allocation annex' },
  'allocio.dialog.pickFile': { vi: 'Đường dẫn tệp bảng phân bổ (.xlsx, .xls, .ods):', en: 'Path of the allocation annex (.xlsx, .xls, .ods):' },
  'allocio.dialog.reading': { vi: 'Đang đọc tệp…', en: 'Reading the file…' },
  'allocio.dialog.nothingWritten': {
    vi: 'Chưa ghi gì vào kế hoạch. Các ô bị bỏ qua sẽ không được ghi; sửa tệp rồi đọc lại, hoặc nhập phần đọc được.',
    en: 'Nothing has been written to the plan yet. Skipped cells will not be written; fix the file and read it again, or import what could be read.',
  },
  'allocio.dialog.import': { vi: 'Nhập {changes} ô', en: 'Import {changes} cells' },
  'allocio.dialog.reread': { vi: 'Đọc lại tệp', en: 'Read the file again' },
  'allocio.dialog.col.letter': { vi: 'Cột', en: 'Column' },
  'allocio.dialog.col.header': { vi: 'Tiêu đề trong tệp', en: 'Header in the file' },
  'allocio.dialog.col.line': { vi: 'Dòng của kế hoạch', en: 'Plan line' },
  'allocio.dialog.col.funding': { vi: 'Nguồn vốn', en: 'Funding column' },
  'allocio.dialog.col.how': { vi: 'Cách khớp', en: 'Matched' },
  'allocio.dialog.done': {
    vi: 'Đã nhập {changes} ô phân bổ và {newUnits} đơn vị mới (Hoàn tác để bỏ).',
    en: 'Imported {changes} share cells and {newUnits} new units (Undo takes them back).',
  },
  // ---- documents (Vietnamese, as the documents are) ----
  'allocio.doc.title': { vi: 'PHÂN BỔ KẾ HOẠCH VỐN CHO CÁC ĐƠN VỊ', en: 'PHÂN BỔ KẾ HOẠCH VỐN CHO CÁC ĐƠN VỊ' },
  'allocio.doc.unitTitle': { vi: 'KẾ HOẠCH VỐN GIAO CHO {unit}', en: 'KẾ HOẠCH VỐN GIAO CHO {unit}' },
} as const;

// Dictionary entries of consolidation (issue 16): undo step names, why a file is refused or held,
// the units' statuses, the board's xlsx, the CLI's `consolidate` and the window's texts.
export const consolidation = {
  'consolidation.undo.merge': { vi: 'Tổng hợp từ {count} đơn vị', en: 'Consolidate {count} units' },
  'consolidation.undo.remove': { vi: 'Bỏ số liệu chi tiết của {unit}', en: 'Remove the detail of {unit}' },
  'consolidation.error.too_many': { vi: 'Quá nhiều tệp (tối đa {max} tệp một lần tổng hợp).', en: 'Too many files (at most {max} in one consolidation).' },

  'consolidation.reason.unknown_unit': {
    vi: 'Không nhận ra đơn vị gửi (“{name}” không có trong danh sách đơn vị của kế hoạch).',
    en: 'The sender is not one of the plan’s units (“{name}”).',
  },
  'consolidation.reason.unsure': {
    vi: 'Không chắc tệp của đơn vị nào: tệp nêu nhiều đơn vị ({units}).',
    en: 'Unsure which unit sent it: the file names several ({units}).',
  },
  'consolidation.reason.another_year': {
    vi: 'Tệp của năm {year}, kế hoạch đang mở là năm {planYear}.',
    en: 'The file is for {year}; the open plan is for {planYear}.',
  },
  'consolidation.reason.another_program': {
    vi: 'Tệp của chương trình khác: “{program}”.',
    en: 'The file is for another program: “{program}”.',
  },
  'consolidation.reason.duplicate': {
    vi: 'Đơn vị đã gửi hai tệp; dùng tệp mới hơn “{newer}”.',
    en: 'The unit sent two files; the newer one, “{newer}”, is used.',
  },
  'consolidation.reason.mismatch': {
    vi: 'Lệch so với phân bổ ở {count} ô: chưa tổng hợp (chỉ tổng hợp khi cán bộ đồng ý).',
    en: 'Differs from the allocation in {count} cells: held (merged only when the officer accepts).',
  },
  'consolidation.reason.not_found': { vi: 'Không tìm thấy tệp.', en: 'File not found.' },
  'consolidation.reason.unreadable': { vi: 'Không đọc được tệp: {detail}', en: 'The file cannot be read: {detail}' },

  'consolidation.status.ok': { vi: 'Đã nộp – khớp', en: 'Received – matches' },
  'consolidation.status.mismatch': { vi: 'Lệch so với phân bổ', en: 'Differs from the allocation' },
  'consolidation.status.missing': { vi: 'Chưa nộp', en: 'Not received' },
  'consolidation.status.refused': { vi: 'Tệp bị từ chối', en: 'File refused' },
  'consolidation.file.merged': { vi: 'đã tổng hợp', en: 'merged' },
  'consolidation.file.held': { vi: 'tạm giữ', en: 'held' },
  'consolidation.file.refused': { vi: 'từ chối', en: 'refused' },

  'consolidation.xlsx.units': { vi: 'Tình hình nộp', en: 'Units' },
  'consolidation.xlsx.differences': { vi: 'Chênh lệch', en: 'Differences' },
  'consolidation.xlsx.head.no': { vi: 'STT', en: 'No.' },
  'consolidation.xlsx.head.unit': { vi: 'Đơn vị', en: 'Unit' },
  'consolidation.xlsx.head.status': { vi: 'Trạng thái', en: 'Status' },
  'consolidation.xlsx.head.file': { vi: 'Tệp', en: 'File' },
  'consolidation.xlsx.head.received': { vi: 'Ngày nhận', en: 'Received' },
  'consolidation.xlsx.head.allocated': { vi: 'Phân bổ (đồng)', en: 'Allocated (đồng)' },
  'consolidation.xlsx.head.reported': { vi: 'Đơn vị báo cáo (đồng)', en: 'Reported (đồng)' },
  'consolidation.xlsx.head.difference': { vi: 'Chênh lệch (đồng)', en: 'Difference (đồng)' },
  'consolidation.xlsx.head.count': { vi: 'Số chỗ lệch', en: 'Cells differing' },
  'consolidation.xlsx.head.line': { vi: 'Dòng', en: 'Line' },
  'consolidation.xlsx.head.column': { vi: 'Cột nguồn vốn', en: 'Funding column' },

  'consolidation.cli.usage': {
    vi: 'Cách dùng: plandesk consolidate TỆP.plandesk TỆP_HOẶC_THƯ_MỤC… [--json] [--accept-mismatch] [--strict]',
    en: 'Usage: plandesk consolidate FILE.plandesk FILES_OR_FOLDERS… [--json] [--accept-mismatch] [--strict]',
  },
  'cli.help.consolidate': {
    vi: 'Tổng hợp các tệp đơn vị gửi về (tệp đã tách bằng plandesk split và đơn vị điền, hoặc tệp của đơn vị có tiêu đề “ỦY BAN NHÂN DÂN / HUYỆN …”, dòng “Đơn vị: …”): nhận ra đơn vị, năm, chương trình; so với phần phân bổ; đưa các dòng chi tiết của đơn vị vào dưới dòng kế hoạch (không đổi số liệu kế hoạch), một bước hoàn tác, sao lưu trước. Báo cáo giải ngân của đơn vị được ghi vào số giải ngân của đơn vị tại ngày báo cáo.\n  --accept-mismatch            tổng hợp cả đơn vị lệch so với phân bổ (mặc định: tạm giữ)\n  --json                       in kết quả dạng JSON (số tiền là đồng)\n  --strict                     mã thoát 3 khi có đơn vị chưa nộp hoặc lệch\nMã thoát: 0 đã xử lý; 3 (với --strict) có đơn vị chưa nộp hoặc lệch; 1 không mở được kế hoạch; 2 tham số sai.',
    en: 'Consolidate the files the units sent back (files written by plandesk split and filled in, or a unit’s own file with the letterhead “ỦY BAN NHÂN DÂN / HUYỆN …” or a line “Đơn vị: …”): recognise the unit, year and program; compare with its allocation; bring the unit’s detail lines in under the plan’s lines (the plan’s figures unchanged), one undo step, a backup first. A unit’s disbursement report fills its disbursement figures for the report’s date.\n  --accept-mismatch            merge units that differ from their allocation too (default: held)\n  --json                       print the result as JSON (amounts in đồng)\n  --strict                     exit 3 when a unit is missing or differs\nExit codes: 0 done; 3 (with --strict) a unit missing or differing; 1 the plan cannot be opened; 2 bad arguments.',
  },
  'consolidation.cli.summary': {
    vi: '{merged} tệp đã tổng hợp, {held} tạm giữ, {refused} bị từ chối; {missing} đơn vị chưa nộp.',
    en: '{merged} files merged, {held} held, {refused} refused; {missing} units not received.',
  },
  'consolidation.cli.units': { vi: 'Đơn vị:', en: 'Units:' },
  'consolidation.cli.files': { vi: 'Tệp:', en: 'Files:' },
  'consolidation.cli.difference': { vi: 'dòng {line} · {column}: phân bổ {expected}, đơn vị {actual}', en: 'line {line} · {column}: allocated {expected}, unit {actual}' },

  'consolidation.detail.heading': { vi: 'Chi tiết đơn vị gửi', en: 'Detail sent by units' },

  'consolidation.menu.open': { vi: 'Tổng hợp từ đơn vị…', en: 'Consolidate from units…' },
  'consolidation.dialog.title': { vi: 'Tổng hợp từ đơn vị', en: 'Consolidate from units' },
  'consolidation.dialog.pick': { vi: 'Chọn tệp đơn vị gửi…', en: 'Pick a unit’s file…' },
  'consolidation.dialog.pickPrompt': {
    vi: 'Đường dẫn các tệp hoặc thư mục đơn vị gửi về (mỗi dòng hoặc dấu ; một đường dẫn):',
    en: 'Paths of the files or folders the units sent (one per line or separated by ;):',
  },
  'consolidation.dialog.accept': { vi: 'Tổng hợp cả đơn vị lệch so với phân bổ', en: 'Merge units that differ from their allocation too' },
  'consolidation.dialog.export': { vi: 'Xuất bảng ra Excel…', en: 'Export the board to Excel…' },
  'consolidation.dialog.remove': { vi: 'Bỏ số liệu chi tiết của đơn vị', en: 'Remove this unit’s detail' },
  'consolidation.dialog.busy': { vi: 'Đang đọc và đối chiếu các tệp…', en: 'Reading and checking the files…' },
  'consolidation.dialog.empty': { vi: 'Kế hoạch chưa có đơn vị nào được phân bổ.', en: 'No unit holds a share of the plan yet.' },
  'consolidation.dialog.done': {
    vi: 'Đã tổng hợp {merged} tệp; {held} tạm giữ, {refused} bị từ chối.',
    en: '{merged} files merged; {held} held, {refused} refused.',
  },
  'consolidation.dialog.exported': { vi: 'Đã xuất bảng tổng hợp: {file}', en: 'Board exported: {file}' },
  'consolidation.dialog.files': { vi: 'Các tệp vừa đọc', en: 'Files just read' },
  'consolidation.dialog.noDetail': { vi: 'Đơn vị chưa gửi dòng chi tiết nào.', en: 'The unit has sent no detail lines.' },
  'consolidation.col.unit': { vi: 'Đơn vị', en: 'Unit' },
  'consolidation.col.status': { vi: 'Trạng thái', en: 'Status' },
  'consolidation.col.file': { vi: 'Tệp', en: 'File' },
  'consolidation.col.received': { vi: 'Ngày nhận', en: 'Received' },
  'consolidation.col.allocated': { vi: 'Phân bổ', en: 'Allocated' },
  'consolidation.col.reported': { vi: 'Đơn vị báo cáo', en: 'Reported' },
  'consolidation.col.differences': { vi: 'Chênh lệch', en: 'Differences' },
  'consolidation.col.line': { vi: 'Dòng kế hoạch', en: 'Plan line' },
  'consolidation.col.code': { vi: 'Mã', en: 'Code' },
  'consolidation.col.name': { vi: 'Nội dung', en: 'Item' },
} as const;

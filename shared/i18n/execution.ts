// Dictionary entries of the execution area (issue 15): reporting dates, disbursement figures,
// carried-over funds, their rules and findings, and the CLI's report and disbursement import.
export const execution = {
  // Undo steps.
  'execution.undo.addDate': { vi: 'Thêm kỳ báo cáo {date}', en: 'Add reporting date {date}' },
  'execution.undo.updateDate': { vi: 'Sửa kỳ báo cáo {date}', en: 'Change reporting date {date}' },
  'execution.undo.deleteDate': { vi: 'Xóa kỳ báo cáo {date}', en: 'Delete reporting date {date}' },
  'execution.undo.setFigures': { vi: 'Nhập số giải ngân', en: 'Enter disbursement figures' },
  'execution.undo.setSource': { vi: 'Nguồn vốn năm {year} chuyển sang', en: 'Funds carried over from {year}' },
  'execution.undo.deleteSource': { vi: 'Xóa nguồn vốn năm {year} chuyển sang', en: 'Remove funds carried over from {year}' },
  'execution.undo.setCarryover': { vi: 'Nhập kế hoạch vốn chuyển sang', en: 'Enter carried-over plan amounts' },
  'execution.undo.import': { vi: 'Nhập báo cáo giải ngân {file} ({date})', en: 'Import disbursement report {file} ({date})' },

  // Kinds of reporting dates.
  'execution.kind.h1': { vi: '6 tháng', en: '6 months' },
  'execution.kind.m9': { vi: '9 tháng', en: '9 months' },
  'execution.kind.year': { vi: 'Năm', en: 'Year' },
  'execution.kind.year_adjusted': { vi: 'Năm – hết thời gian chỉnh lý', en: 'Year – end of the adjustment period' },
  'execution.kind.other': { vi: 'Kỳ khác', en: 'Other date' },

  // Refusals.
  'execution.error.unknown_date': { vi: 'Không có kỳ báo cáo này trong kế hoạch.', en: 'The plan has no such reporting date.' },
  'execution.error.date_exists': { vi: 'Kế hoạch đã có kỳ báo cáo ngày {date}.', en: 'The plan already has a reporting date {date}.' },
  'execution.error.no_date': { vi: 'Kế hoạch chưa có kỳ báo cáo ngày {date}.', en: 'The plan has no reporting date {date}.' },
  'execution.error.unknown_source': { vi: 'Kế hoạch không có nguồn vốn năm {year} chuyển sang.', en: 'The plan has no funds carried over from {year}.' },
  'execution.error.no_report': {
    vi: 'Trang tính "{sheet}" không có bảng báo cáo giải ngân (cột "Lũy kế giải ngân…" và cột mã hoặc tên dòng).',
    en: 'Sheet "{sheet}" holds no disbursement report (a "Lũy kế giải ngân…" column and a code or name column).',
  },
  'execution.error.no_as_of': {
    vi: 'Không đọc được ngày số liệu của báo cáo ("đến ngày 30/6/2024"…): hãy cho biết ngày báo cáo (--as-of YYYY-MM-DD).',
    en: 'The report does not state its as-of date ("đến ngày 30/6/2024"…): give the reporting date (--as-of YYYY-MM-DD).',
  },
  'execution.error.source_is_year': { vi: 'Vốn chuyển sang phải từ năm trước năm {year} của kế hoạch.', en: 'Carried-over funds must come from a year before the plan year {year}.' },

  // Rules: names, basis, messages.
  'rules.name.disbursement_over_plan': { vi: 'Giải ngân vượt kế hoạch', en: 'Disbursed above plan' },
  'rules.name.disbursement_decreasing': { vi: 'Lũy kế giải ngân giảm', en: 'Cumulative disbursement decreased' },
  'rules.name.disbursement_below_pace': { vi: 'Giải ngân chậm', en: 'Disbursement behind pace' },
  'rules.name.report_overdue': { vi: 'Báo cáo quá hạn', en: 'Report overdue' },
  'rules.name.carryover_unspent': { vi: 'Vốn chuyển sang chưa giải ngân hết', en: 'Carried-over funds not spent' },
  'rules.basis.disbursement_over_plan': {
    vi: 'số giải ngân không được vượt kế hoạch vốn được giao (Luật Ngân sách nhà nước)',
    en: 'disbursement may not exceed the funds assigned in the plan (State Budget Law)',
  },
  'rules.basis.disbursement_decreasing': {
    vi: 'lũy kế giải ngân từ đầu năm chỉ tăng qua các kỳ báo cáo',
    en: 'cumulative disbursement since the start of the year only grows from one reporting date to the next',
  },
  'rules.basis.disbursement_below_pace': {
    vi: 'tỷ lệ giải ngân tối thiểu đặt cho kỳ báo cáo (Kỳ báo cáo → Tỷ lệ tối thiểu)',
    en: 'the minimum rate set for the reporting date (Reporting dates → Minimum rate)',
  },
  'rules.basis.report_overdue': {
    vi: 'hạn gửi báo cáo của kỳ (TT 10/2022/TT-BLĐTBXH: trong 15 ngày làm việc sau kỳ báo cáo)',
    en: "the report's due date (TT 10/2022/TT-BLĐTBXH: within 15 working days after the period)",
  },
  'rules.basis.carryover_unspent': {
    vi: 'vốn năm trước kéo dài phải giải ngân hết trong thời hạn được kéo dài',
    en: 'funds carried over from an earlier year must be spent within their extended deadline',
  },
  'rules.disbursement_over_plan': {
    vi: 'Dòng {line}, cột {colVi}, ngày {date}: giải ngân {actual} vượt kế hoạch {expected} ({diff} {unitVi}).',
    en: 'Line {line}, column {colEn}, as of {date}: disbursed {actual} exceeds the plan {expected} ({diff} {unitEn}).',
  },
  'rules.disbursement_over_plan.carryover': {
    vi: 'Dòng {line}, cột {colVi}, vốn năm {year} chuyển sang, ngày {date}: giải ngân {actual} vượt số chuyển sang {expected} ({diff} {unitVi}).',
    en: 'Line {line}, column {colEn}, funds carried over from {year}, as of {date}: disbursed {actual} exceeds the amount carried over {expected} ({diff} {unitEn}).',
  },
  'rules.disbursement_decreasing': {
    vi: 'Dòng {line}, cột {colVi}: lũy kế giải ngân ngày {date} ({actual}) thấp hơn ngày {previous} ({expected}) — {diff} {unitVi}.',
    en: 'Line {line}, column {colEn}: cumulative disbursement as of {date} ({actual}) is below that of {previous} ({expected}) — {diff} {unitEn}.',
  },
  'rules.disbursement_below_pace': {
    vi: '{line}: tỷ lệ giải ngân ngày {date} là {rate}%, thấp hơn mức {pace}% đặt cho kỳ này.',
    en: '{line}: the disbursement rate as of {date} is {rate}%, below the {pace}% set for this date.',
  },
  'rules.report_overdue': {
    vi: 'Kỳ báo cáo ngày {date} đã quá hạn {due} mà chưa có số giải ngân.',
    en: 'The report as of {date} was due on {due} and has no disbursement figures yet.',
  },
  'rules.carryover_unspent': {
    vi: 'Dòng {line}, cột {colVi}: vốn năm {year} chuyển sang hết hạn {deadline}, còn {diff} {unitVi} chưa giải ngân (chuyển sang {expected}, đã giải ngân {actual}).',
    en: 'Line {line}, column {colEn}: funds carried over from {year} expired on {deadline} with {diff} {unitEn} unspent (carried over {expected}, disbursed {actual}).',
  },
  'execution.total': { vi: 'Tổng cộng', en: 'Total' },

  // CLI: plandesk import REPORT --into PLAN --as-of DATE.
  'execution.import.read': {
    vi: 'Đã đọc báo cáo giải ngân (trang "{sheet}") đến ngày {date}: {lines} dòng, {matched} dòng khớp với kế hoạch; đơn vị {unit}.',
    en: 'Read the disbursement report (sheet "{sheet}") as of {date}: {lines} lines, {matched} matched to the plan; unit {unit}.',
  },
  'execution.import.dateGiven': { vi: 'Ngày báo cáo: theo tham số --as-of.', en: 'Reporting date: as given with --as-of.' },
  'execution.import.dateFromFile': { vi: 'Ngày báo cáo: đọc từ tiêu đề của báo cáo.', en: "Reporting date: read from the report's heading." },
  'execution.import.dateDiffers': { vi: 'Lưu ý: tiêu đề báo cáo ghi ngày {file}.', en: "Note: the report's heading says {file}." },
  'execution.import.dateCreated': { vi: 'Đã thêm kỳ báo cáo ngày {date} vào kế hoạch.', en: 'Added the reporting date {date} to the plan.' },
  'execution.import.unitFromPlan': {
    vi: 'Báo cáo không ghi đơn vị tính: lấy {unit}, đơn vị mà cột kế hoạch của báo cáo khớp với kế hoạch.',
    en: "The report states no unit: {unit}, the unit in which its plan column matches the plan.",
  },
  'execution.import.unitAssumed': { vi: 'Báo cáo không ghi đơn vị tính: lấy đơn vị của kế hoạch ({unit}).', en: "The report states no unit: the plan's unit ({unit}) was taken." },
  'execution.import.columns': { vi: 'Các cột:', en: 'Columns:' },
  'execution.import.role.code': { vi: 'mã dòng', en: 'line code' },
  'execution.import.role.name': { vi: 'tên dòng', en: 'line name' },
  'execution.import.role.plan': { vi: 'kế hoạch (chỉ để đối chiếu, không ghi vào kế hoạch)', en: 'plan (compared only, not written to the plan)' },
  'execution.import.role.disbursed': { vi: 'lũy kế giải ngân', en: 'disbursed to date' },
  'execution.import.role.allocated': { vi: 'đã phân bổ', en: 'allocated' },
  'execution.import.role.estimate': { vi: 'ước thực hiện cả năm', en: 'estimate for the year' },
  'execution.import.role.derived': { vi: 'số tính được (tỷ lệ, trong kỳ) — bỏ qua', en: 'derived (rate, in the period) — ignored' },
  'execution.import.role.other': { vi: 'không đọc', en: 'not read' },
  'execution.import.derived': { vi: '(tổng của các cột con — chỉ đối chiếu)', en: '(sum of the sub-columns — compared only)' },
  'execution.import.unmatched': { vi: 'Dòng của báo cáo không có trong kế hoạch (không nhập):', en: 'Lines of the report the plan does not have (not imported):' },
  'execution.import.planDifferences': {
    vi: 'Số kế hoạch trong báo cáo khác kế hoạch (kế hoạch giữ nguyên): báo cáo ≠ kế hoạch',
    en: "The report's plan figures that differ from the plan (the plan is unchanged): report ≠ plan",
  },
  'execution.import.notPlaced': { vi: 'Ô không nhập được:', en: 'Cells not imported:' },
  'execution.import.reason.ambiguous_capital': {
    vi: 'báo cáo chỉ chia theo nguồn vốn, dòng nhận cả vốn ĐTPT và SN: không tự chia — hãy nhập tay',
    en: 'the report splits by source only and the line takes both capital types: not split by guess — enter it by hand',
  },
  'execution.import.reason.no_column': { vi: 'kế hoạch không có cột tương ứng', en: 'the plan has no matching column' },
  'execution.import.reason.not_holding': {
    vi: 'số liệu của dòng này nằm ở các dòng con trong kế hoạch',
    en: "the plan keeps this line's figures on its sub-lines",
  },
  'execution.import.reason.unreadable': { vi: 'không đọc được số', en: 'not a number' },
  'execution.import.reason.carryover_year': {
    vi: 'tiêu đề vốn chuyển sang không ghi rõ một năm nguồn (không có năm, hoặc nhiều năm): không tự đoán — hãy nhập tay',
    en: 'the carried-over header names no single source year (none, or several): not guessed — enter it by hand',
  },
  'execution.import.role.carryoverPlan': { vi: 'kế hoạch vốn chuyển sang (ghi vào kế hoạch)', en: 'carried-over plan (written to the plan)' },
  'execution.import.fund': { vi: '— vốn năm {year} chuyển sang', en: '— funds carried over from {year}' },
  'execution.import.fundUnknown': { vi: '— vốn chuyển sang, chưa rõ năm nguồn', en: '— carried-over funds, source year unknown' },
  'execution.import.section': { vi: 'Dòng {row} "{title}": {what}', en: 'Row {row} "{title}": {what}' },
  'execution.import.sectionYear': { vi: 'phần vốn của năm kế hoạch', en: "section of the plan year's funds" },
  'execution.import.carryover': {
    vi: 'Vốn năm {year} chuyển sang ({from}): ghi {amounts} số kế hoạch vốn, {figures} số giải ngân.',
    en: 'Funds carried over from {year} ({from}): {amounts} plan amounts and {figures} disbursement figures written.',
  },
  'execution.import.yearFrom.header': { vi: 'năm đọc từ tiêu đề', en: 'year read from the header' },
  'execution.import.yearFrom.previous_year': { vi: '"năm trước" của năm kế hoạch', en: '"the previous year" of the plan year' },
  'execution.import.yearFrom.plan': { vi: 'tiêu đề không ghi năm — năm vốn chuyển sang duy nhất của kế hoạch', en: "the header names no year — the plan's only carried-over year" },
  'execution.import.carryoverCreated': {
    vi: 'Kế hoạch chưa có nguồn vốn năm {year} chuyển sang: đã thêm trong cùng bước hoàn tác (chưa có hạn giải ngân — hãy nhập hạn).',
    en: 'The plan had no funds carried over from {year}: added in the same undo step (no deadline yet — enter it).',
  },
  'execution.import.textNumbers': { vi: 'Số ghi dạng chữ đã đọc:', en: 'Numbers stored as text, read:' },
  'execution.import.written': {
    vi: 'Đã ghi {count} số liệu vào {file} ({unchanged} ô không đổi); hoàn tác được bằng một bước.',
    en: 'Wrote {count} figures into {file} ({unchanged} cells unchanged); one step to undo.',
  },
  'execution.import.nothing': { vi: 'Không có số liệu nào thay đổi ({unchanged} ô như cũ).', en: 'No figure changed ({unchanged} cells as before).' },

  // CLI: plandesk report.
  'execution.cli.usage.report': {
    vi: 'Cách dùng: plandesk report TỆP.plandesk --as-of YYYY-MM-DD [--json] [--xlsx RA.xlsx] [--pdf RA.pdf]',
    en: 'Usage: plandesk report FILE.plandesk --as-of YYYY-MM-DD [--json] [--xlsx OUT.xlsx] [--pdf OUT.pdf]',
  },
  'cli.help.report': {
    vi: 'In báo cáo tình hình giải ngân đến một ngày báo cáo của kế hoạch: kế hoạch, lũy kế giải ngân, tỷ lệ (%), còn lại, giải ngân trong kỳ theo dòng và cột nguồn vốn; vốn năm trước chuyển sang và tổng chung; các phát hiện của kỳ. Không thay đổi tệp.\n  --as-of YYYY-MM-DD   ngày báo cáo (phải có trong kế hoạch)\n  --json               kết quả dạng JSON: số tiền là số nguyên đồng, tỷ lệ tính bằng phần nghìn (778 = 77,8%)\n  --xlsx RA.xlsx       ghi báo cáo ra Excel: bảng báo cáo là trang đầu (công thức sống), biểu đồ Excel gốc\n  --pdf RA.pdf         in báo cáo kèm biểu đồ ra PDF (cần Chromium, Chrome hoặc Edge trên máy)\nMã thoát: 0 xong; 1 không đọc được tệp hoặc không ghi được tệp ra; 2 tham số sai hoặc kế hoạch không có ngày báo cáo đó.',
    en: "Print the disbursement report of a plan as of one of its reporting dates: plan, disbursed to date, rate (%), remaining and disbursed in the period per line and funding column; carried-over funds and the combined total; the date's findings. The file is not changed.\n  --as-of YYYY-MM-DD   the reporting date (the plan must have it)\n  --json               JSON output: amounts in integer đồng, rates in tenths of a percent (778 = 77.8%)\n  --xlsx OUT.xlsx      write the report to Excel: the report table first (live formulas), native Excel charts\n  --pdf OUT.pdf        print the report with its charts to PDF (needs Chromium, Chrome or Edge on the machine)\nExit codes: 0 done; 1 file unreadable or an output not written; 2 bad arguments, or the plan has no such reporting date.",
  },
  'execution.cli.heading': { vi: '{program} — tình hình giải ngân đến ngày {date} ({kind})', en: '{program} — disbursement as of {date} ({kind})' },
  'execution.cli.figures': { vi: 'kế hoạch {plan}, giải ngân {disbursed} ({rate}%), trong kỳ {period}', en: 'plan {plan}, disbursed {disbursed} ({rate}%), in the period {period}' },
  'execution.cli.carryover': { vi: 'Vốn năm {year} chuyển sang', en: 'Funds carried over from {year}' },
  'execution.cli.combined': { vi: 'Tổng chung (kể cả vốn chuyển sang)', en: 'Combined (with carried-over funds)' },
  'execution.cli.byUnit': {
    vi: 'Theo đơn vị thực hiện (số của đơn vị có đơn vị trực thuộc gồm cả các đơn vị đó):',
    en: 'By unit (a unit with sub-units includes their figures):',
  },
} as const;

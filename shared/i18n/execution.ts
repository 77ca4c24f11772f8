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

  // CLI: plandesk report.
  'execution.cli.usage.report': {
    vi: 'Cách dùng: plandesk report TỆP.plandesk --as-of YYYY-MM-DD [--json] [--xlsx RA.xlsx] [--pdf RA.pdf]',
    en: 'Usage: plandesk report FILE.plandesk --as-of YYYY-MM-DD [--json] [--xlsx OUT.xlsx] [--pdf OUT.pdf]',
  },
  'cli.help.report': {
    vi: 'In báo cáo tình hình giải ngân đến một ngày báo cáo của kế hoạch: kế hoạch, lũy kế giải ngân, tỷ lệ (%), còn lại, giải ngân trong kỳ theo dòng và cột nguồn vốn; vốn năm trước chuyển sang và tổng chung; các phát hiện của kỳ. Không thay đổi tệp.\n  --as-of YYYY-MM-DD   ngày báo cáo (phải có trong kế hoạch)\n  --json               kết quả dạng JSON: số tiền là số nguyên đồng, tỷ lệ tính bằng phần nghìn (778 = 77,8%)\nMã thoát: 0 xong; 1 không đọc được tệp; 2 tham số sai hoặc kế hoạch không có ngày báo cáo đó.',
    en: "Print the disbursement report of a plan as of one of its reporting dates: plan, disbursed to date, rate (%), remaining and disbursed in the period per line and funding column; carried-over funds and the combined total; the date's findings. The file is not changed.\n  --as-of YYYY-MM-DD   the reporting date (the plan must have it)\n  --json               JSON output: amounts in integer đồng, rates in tenths of a percent (778 = 77.8%)\nExit codes: 0 done; 1 file unreadable; 2 bad arguments, or the plan has no such reporting date.",
  },
  'execution.cli.heading': { vi: '{program} — tình hình giải ngân đến ngày {date} ({kind})', en: '{program} — disbursement as of {date} ({kind})' },
  'execution.cli.figures': { vi: 'kế hoạch {plan}, giải ngân {disbursed} ({rate}%), trong kỳ {period}', en: 'plan {plan}, disbursed {disbursed} ({rate}%), in the period {period}' },
  'execution.cli.carryover': { vi: 'Vốn năm {year} chuyển sang', en: 'Funds carried over from {year}' },
  'execution.cli.combined': { vi: 'Tổng chung (kể cả vốn chuyển sang)', en: 'Combined (with carried-over funds)' },
} as const;

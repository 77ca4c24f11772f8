// Dictionary entries of the execution report's outputs and window (issue 15): the report table's
// columns, the printed report (its page texts are printed in Vietnamese, as the document is), the
// charts, the xlsx export and the execution view (reporting dates, figures, report).
export const executionReport = {
  'execrep.title': {
    vi: 'Tình hình thực hiện, giải ngân vốn {program} năm {year}',
    en: 'Implementation and disbursement of the {program} funds, {year}',
  },
  'execrep.titleNoProgram': { vi: 'Tình hình thực hiện, giải ngân kế hoạch vốn năm {year}', en: 'Implementation and disbursement of the {year} plan' },
  'execrep.asOf': { vi: '(Số liệu đến ngày {date})', en: '(Figures as of {date})' },
  'execrep.col.plan': { vi: 'Kế hoạch vốn năm {year} được giao', en: 'Plan {year} as assigned' },
  'execrep.col.disbursed': { vi: 'Lũy kế giải ngân', en: 'Disbursed to date' },
  'execrep.col.disbursedTo': { vi: 'Lũy kế giải ngân đến {date}', en: 'Disbursed to {date}' },
  'execrep.col.rate': { vi: 'Tỷ lệ giải ngân (%)', en: 'Disbursement rate (%)' },
  'execrep.col.remaining': { vi: 'Còn lại', en: 'Remaining' },
  'execrep.col.remainingLong': { vi: 'Kế hoạch còn lại chưa giải ngân', en: 'Plan not yet disbursed' },
  'execrep.col.period': { vi: 'Giải ngân trong kỳ', en: 'Disbursed in the period' },
  'execrep.carryover.section': { vi: 'Vốn năm {year} kéo dài sang năm {into}', en: 'Funds of {year} carried over into {into}' },
  'execrep.combined': { vi: 'Tổng cộng (kể cả vốn kéo dài)', en: 'Grand total (with carried-over funds)' },

  'execrep.chart.rate': { vi: 'Tỷ lệ giải ngân (%)', en: 'Disbursement rate (%)' },
  'execrep.chart.planRef': { vi: 'Kế hoạch (100%)', en: 'Plan (100%)' },
  'execrep.chart.rateByProject': { vi: 'Tỷ lệ giải ngân theo dự án', en: 'Disbursement rate by project' },
  'execrep.chart.planVsDisbursed': { vi: 'Kế hoạch và giải ngân theo nguồn vốn', en: 'Plan and disbursement by source' },
  'execrep.chart.rateOverDates': { vi: 'Tỷ lệ giải ngân qua các kỳ báo cáo', en: 'Disbursement rate over the reporting dates' },
  'execrep.chart.rateByUnit': { vi: 'Tỷ lệ giải ngân theo đơn vị', en: 'Disbursement rate by unit' },
  'execrep.chart.sheet': { vi: 'Biểu đồ', en: 'Charts' },
  'execrep.chart.data': { vi: 'Số liệu biểu đồ', en: 'Chart data' },
  'execrep.sheet': { vi: 'Báo cáo giải ngân', en: 'Disbursement report' },
  'execrep.error.noDate': { vi: 'Kế hoạch chưa có kỳ báo cáo ngày {date}.', en: 'The plan has no reporting date {date}.' },
  'execrep.pdf.noChromium': {
    vi: 'Không tìm thấy Chromium, Chrome hay Edge trên máy này để in báo cáo ra PDF. Hãy cài một trình duyệt (Debian/Ubuntu: apt-get install chromium) hoặc đặt biến CHROMIUM_PATH.',
    en: 'No Chromium, Chrome or Edge was found on this machine to print the report to PDF. Install one (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH.',
  },
  'execrep.pdf.notBuilt': { vi: 'Chưa build giao diện in: hãy chạy "npm run build".', en: 'The print view is not built: run "npm run build".' },
} as const;

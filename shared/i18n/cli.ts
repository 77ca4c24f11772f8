// Dictionary entries of the `plandesk` command line.
export const cli = {
  'cli.usage.main': {
    vi: 'Cách dùng: plandesk <new|check|import|export> … (ví dụ: plandesk check kehoach.plandesk --json)',
    en: 'Usage: plandesk <new|check|import|export> … (e.g. plandesk check plan.plandesk --json)',
  },
  'cli.usage': { vi: 'Tham số không hợp lệ: {detail}', en: 'Invalid arguments: {detail}' },
  'cli.usage.new': { vi: 'Cách dùng: plandesk new TỆP.plandesk [--sample] [--year NĂM] [--force]', en: 'Usage: plandesk new FILE.plandesk [--sample] [--year YEAR] [--force]' },
  'cli.usage.check': { vi: 'Cách dùng: plandesk check TỆP.plandesk [--json] [--strict]', en: 'Usage: plandesk check FILE.plandesk [--json] [--strict]' },
  'cli.created': { vi: 'Đã tạo {file}', en: 'Created {file}' },
  'cli.findings': { vi: 'Phát hiện: {count}', en: 'Findings: {count}' },
} as const;

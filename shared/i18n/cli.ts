// Dictionary entries of the `plandesk` command line.
export const cli = {
  'cli.usage.main': {
    vi: 'Cách dùng: plandesk <new|check|import|export|compare> … (ví dụ: plandesk check kehoach.plandesk --json)',
    en: 'Usage: plandesk <new|check|import|export|compare> … (e.g. plandesk check plan.plandesk --json)',
  },
  'cli.usage.new': { vi: 'Cách dùng: plandesk new TỆP.plandesk [--sample] [--year NĂM] [--force]', en: 'Usage: plandesk new FILE.plandesk [--sample] [--year YEAR] [--force]' },
  'cli.usage.check': { vi: 'Cách dùng: plandesk check TỆP.plandesk [--json] [--strict]', en: 'Usage: plandesk check FILE.plandesk [--json] [--strict]' },
  'cli.unknownFlag': { vi: 'Tham số không hợp lệ: không có tùy chọn {flag}', en: 'Invalid arguments: there is no option {flag}' },
  'cli.badFlagValue': { vi: 'Tham số không hợp lệ: tùy chọn {flag} thiếu giá trị hoặc có giá trị sai', en: 'Invalid arguments: option {flag} is missing its value or has a wrong one' },
  'cli.badArgs': { vi: 'Tham số dòng lệnh không hợp lệ', en: 'Invalid command-line arguments' },
  'cli.created': { vi: 'Đã tạo {file}', en: 'Created {file}' },
  'cli.findings': { vi: 'Phát hiện: {count}', en: 'Findings: {count}' },
  'cli.node_too_old': {
    vi: 'PlanDesk cần Node.js {needed} trở lên (máy đang chạy Node.js {found}): hãy chạy qua npm (npm run serve, npx plandesk), vốn dùng Node {needed} của dự án.',
    en: 'PlanDesk needs Node.js {needed} or later (this is Node.js {found}): run it through npm (npm run serve, npx plandesk), which uses the project\'s Node {needed}.',
  },
} as const;

// Dictionary entries of the `plandesk` command line.
export const cli = {
  'cli.usage.new': {
    vi: 'Cách dùng: plandesk new TỆP.plandesk [--template MÃ|TỆP.pdtemplate] [--year NĂM] [--sample] [--force] [--json]; plandesk new --list-templates [--json]',
    en: 'Usage: plandesk new FILE.plandesk [--template ID|FILE.pdtemplate] [--year YEAR] [--sample] [--force] [--json]; plandesk new --list-templates [--json]',
  },
  'cli.usage.check': { vi: 'Cách dùng: plandesk check TỆP.plandesk [--json] [--strict]', en: 'Usage: plandesk check FILE.plandesk [--json] [--strict]' },
  'cli.unknownFlag': { vi: 'Tham số không hợp lệ: không có tùy chọn {flag}', en: 'Invalid arguments: there is no option {flag}' },
  'cli.badFlagValue': { vi: 'Tham số không hợp lệ: tùy chọn {flag} thiếu giá trị hoặc có giá trị sai', en: 'Invalid arguments: option {flag} is missing its value or has a wrong one' },
  'cli.badArgs': { vi: 'Tham số dòng lệnh không hợp lệ', en: 'Invalid command-line arguments' },
  'cli.created': { vi: 'Đã tạo {file}', en: 'Created {file}' },
  'cli.findings': { vi: 'Phát hiện: {count}', en: 'Findings: {count}' },
  'cli.check.program': { vi: 'Toàn chương trình', en: 'Whole program' },
  // ---- help (`plandesk --help`, `plandesk COMMAND --help`) ----
  'cli.help.main': {
    vi: 'PlanDesk — kế hoạch ngân sách từ dòng lệnh.\nCách dùng: plandesk LỆNH [tùy chọn]   (chi tiết một lệnh: plandesk LỆNH --help)\n\n  new      tạo tệp kế hoạch mới từ mẫu chương trình (hoặc kế hoạch mẫu có sẵn)\n  check    kiểm tra tệp kế hoạch: tổng cộng, các dòng và các phát hiện\n  import   nhập bảng tính (.xlsx, .xls, .ods) thành tệp kế hoạch mới\n  export   xuất kế hoạch ra phụ lục Excel, hoặc điền vào mẫu của đơn vị\n  compare  so sánh hai tệp kế hoạch hoặc hai phiên bản đã lưu\n  split    tách kế hoạch thành các tệp, mỗi đơn vị được giao kinh phí một tệp\n  consolidate  tổng hợp các tệp đơn vị gửi về, so với phần phân bổ\n  report   báo cáo tình hình giải ngân đến một ngày báo cáo\n\nTùy chọn chung: --lang en (hoặc biến môi trường PLANDESK_LANG=en) để hiện thông báo bằng tiếng Anh.\nMã thoát: 0 xong; 1 tệp không đọc được, bị từ chối hoặc không ghi được; 2 tham số sai; 3 check --strict có lỗi.',
    en: 'PlanDesk — budget plans from the command line.\nUsage: plandesk COMMAND [options]   (one command in detail: plandesk COMMAND --help)\n\n  new      create a plan file from a program template (or the built-in sample)\n  check    check a plan file: totals, lines and findings\n  import   import a spreadsheet (.xlsx, .xls, .ods) into a new plan file\n  export   export a plan as an Excel annex, or fill the department\'s template\n  compare  compare two plan files or two saved revisions\n  split    split a plan into files, one per unit holding a share\n  consolidate  consolidate the files the units send back, checked against their shares\n  report   the disbursement report as of a reporting date\n\nFor every command: --lang vi (or the environment variable PLANDESK_LANG=vi) for messages in Vietnamese.\nExit codes: 0 done; 1 a file could not be read, was refused or could not be written; 2 bad arguments; 3 check --strict found errors.',
  },
  'cli.help.new': {
    vi: 'Tạo tệp kế hoạch mới (.plandesk) từ mẫu chương trình: các dòng, cột nguồn vốn và quy tắc của mẫu, chưa có số liệu.\n  --template MÃ|TỆP  mẫu có sẵn (xem --list-templates) hoặc tệp mẫu .pdtemplate; mặc định: chương trình áp dụng cho năm đó (từ 2026: Chương trình MTQG 2026–2035; đến 2025: giảm nghèo bền vững 2021–2025)\n  --year NĂM         năm kế hoạch (mặc định: năm nay); mẫu "blank" lấy cột nguồn vốn của chương trình năm đó\n  --list-templates   liệt kê các mẫu có sẵn (mã, tên, các năm áp dụng)\n  --sample           kế hoạch mẫu Kế hoạch 122/KH-UBND (Đắk Nông, 2024), có số liệu\n  --force            ghi đè tệp đã có\n  --json             kết quả dạng JSON\nMã thoát: 0 đã tạo; 1 không tạo được (tệp đã có, thư mục không có, tệp mẫu hỏng…); 2 tham số sai (kể cả mã mẫu không có).',
    en: 'Create a plan file (.plandesk) from a program template: its lines, funding columns and rules, with no figures yet.\n  --template ID|FILE  a built-in template (see --list-templates) or a .pdtemplate file; default: the program in force that year (from 2026: the merged 2026–2035 program; up to 2025: the 2021–2025 poverty reduction program)\n  --year YEAR         the plan year (default: this year); the "blank" template takes the funding columns of that year\'s program\n  --list-templates    list the built-in templates (id, name, years)\n  --sample            the sample plan Kế hoạch 122/KH-UBND (Đắk Nông, 2024), with figures\n  --force             replace an existing file\n  --json              JSON output\nExit codes: 0 created; 1 not created (file exists, folder missing, damaged template file…); 2 bad arguments (an unknown template id too).',
  },
  'cli.help.check': {
    vi: 'In tổng cộng, các dòng và các phát hiện (lệch tổng, vốn đối ứng, loại vốn…) của tệp kế hoạch; không thay đổi tệp.\n  --json     kết quả dạng JSON, số tiền là số nguyên đồng\n  --strict   mã thoát 3 khi có phát hiện mức lỗi\nMã thoát: 0 đã kiểm tra; 1 không đọc được tệp; 2 tham số sai; 3 --strict và có lỗi.',
    en: 'Print the totals, lines and findings (sum mismatches, counterpart share, capital types…) of a plan file; the file is not changed.\n  --json     JSON output, amounts in integer đồng\n  --strict   exit code 3 when error findings exist\nExit codes: 0 checked; 1 file unreadable; 2 bad arguments; 3 --strict and errors found.',
  },
  'cli.help.import': {
    vi: 'Đọc bảng kinh phí từ bảng tính (.xlsx, .xls, .ods), in báo cáo nhập và ghi tệp kế hoạch mới.\n  --out TỆP          tệp kế hoạch sẽ tạo (bắt buộc)\n  --sheet TÊN|SỐ     trang tính theo tên, hoặc số thứ tự đếm từ 1\n  --mapping TỆP.json ánh xạ cột khi không nhận ra tiêu đề\n  --json             báo cáo dạng JSON (số tiền là số nguyên đồng)\n  --force            ghi đè tệp đã có\n  --into KẾ_HOẠCH    nhập vào tệp kế hoạch đã có thay vì tạo tệp mới (một bước hoàn tác, sao lưu trước); tự nhận ra loại bảng và nói đã đọc loại nào\n  --kind plan|allocation|execution  với --into: buộc loại bảng (bảng kế hoạch điền các dòng; bảng phân bổ cho đơn vị; báo cáo giải ngân)\n  --as-of YYYY-MM-DD với --into: tệp là báo cáo giải ngân đến ngày đó (không có thì đọc ngày ở tiêu đề báo cáo)\nMã thoát: 0 đã nhập; 1 tệp không đọc được, bị từ chối (quá lớn, hỏng…) hoặc không ghi được; 2 tham số sai.',
    en: 'Read the budget table of a spreadsheet (.xlsx, .xls, .ods), print the import report and write a new plan file.\n  --out FILE         the plan file to create (required)\n  --sheet NAME|N     the sheet by name, or its number counting from 1\n  --mapping MAP.json column mapping when the headers are not recognised\n  --json             the report as JSON (amounts in integer đồng)\n  --force            replace an existing file\n  --into PLAN        import into an existing plan file instead of creating one (one undo step, backup first); the kind of table is recognised and named\n  --kind plan|allocation|execution  with --into: force the kind (a plan table fills the lines; an allocation annex gives units\' shares; a disbursement report)\n  --as-of YYYY-MM-DD with --into: the file is a disbursement report as of that date (else the date in its heading)\nExit codes: 0 imported; 1 file unreadable, refused (too big, damaged…) or not written; 2 bad arguments.',
  },
  'cli.help.export': {
    vi: 'Xuất kế hoạch ra phụ lục Excel theo mẫu mặc định, hoặc điền vào mẫu .xlsx của đơn vị.\n  --out TỆP.xlsx        tệp sẽ ghi (bắt buộc)\n  --template MẪU.xlsx   mẫu của đơn vị\n  --mapping TỆP.json    ánh xạ cột của mẫu (cùng --template)\n  --by-unit             phụ lục phân bổ cho đơn vị (đơn vị × dòng, tổng là công thức)\nMã thoát: 0 đã xuất; 1 không đọc được kế hoạch hay mẫu, hoặc không ghi được; 2 tham số sai.',
    en: 'Export a plan as an Excel annex in the default layout, or fill the department\'s .xlsx template.\n  --out FILE.xlsx           the file to write (required)\n  --template TEMPLATE.xlsx  the department\'s template\n  --mapping MAP.json        the template\'s column mapping (with --template)\n  --by-unit                 the allocation annex by unit (units × lines, totals as formulas)\nExit codes: 0 exported; 1 plan or template unreadable, or not written; 2 bad arguments.',
  },
  'cli.help.compare': {
    vi: 'So sánh hai tệp kế hoạch, hoặc hai phiên bản đã lưu (cùng một tệp hai lần): dòng thêm, bớt, thay đổi, với số cũ, mới và chênh lệch theo từng cột.\n  --rev-a TÊN, --rev-b TÊN   phiên bản đã lưu của A, của B\n  --json                     kết quả dạng JSON (số nguyên đồng)\n  --xlsx TỆP.xlsx            ghi bảng so sánh ra Excel\nMã thoát: 0 đã so sánh; 1 không đọc được tệp hay phiên bản, hoặc không ghi được; 2 tham số sai.',
    en: 'Compare two plan files, or two saved revisions (the same file twice): lines added, removed, changed, with old, new and difference per column.\n  --rev-a NAME, --rev-b NAME  a saved revision of A, of B\n  --json                      JSON output (integer đồng)\n  --xlsx FILE.xlsx            write the comparison to Excel\nExit codes: 0 compared; 1 file or revision unreadable, or not written; 2 bad arguments.',
  },
  // ---- errors a user can cause ----
  'cli.usage.serve': {
    vi: 'Cách dùng: npm run serve -- [--file TỆP.plandesk] [--port CỔNG] [--read-only]',
    en: 'Usage: npm run serve -- [--file FILE.plandesk] [--port PORT] [--read-only]',
  },
  'cli.serve.port_in_use': {
    vi: 'Cổng {port} đang được chương trình khác dùng: hãy chọn cổng khác (--port) hoặc bỏ --port để tự chọn.',
    en: 'Port {port} is used by another program: choose another one (--port) or leave --port out to pick one.',
  },
  'cli.unknownCommand': {
    vi: 'Không có lệnh "{name}". Các lệnh: new, check, import, export, compare, split, consolidate (xem: plandesk --help).',
    en: 'There is no command "{name}". Commands: new, check, import, export, compare, split, consolidate (see: plandesk --help).',
  },
  'cli.error.no_folder': {
    vi: 'Không có thư mục "{folder}" để ghi tệp "{file}". Hãy tạo thư mục trước hoặc chọn nơi khác.',
    en: 'Folder "{folder}" does not exist, so "{file}" cannot be written there. Create it first or choose another place.',
  },
  'cli.error.out_is_folder': {
    vi: '"{file}" là một thư mục: hãy ghi rõ tên tệp sẽ tạo trong đó.',
    en: '"{file}" is a folder: give the name of the file to create in it.',
  },
  'cli.error.is_folder': { vi: '"{file}" là một thư mục, không phải tệp.', en: '"{file}" is a folder, not a file.' },
  'cli.error.unreadable': { vi: 'Không có quyền đọc tệp "{file}".', en: 'No permission to read "{file}".' },
  'cli.error.bad_sheet': {
    vi: 'Tham số không hợp lệ: --sheet là tên trang tính hoặc số thứ tự đếm từ 1 (nhận được "{value}").',
    en: 'Invalid arguments: --sheet is a sheet name or its number counting from 1 (got "{value}").',
  },
  'cli.error.bad_year': {
    vi: 'Tham số không hợp lệ: --year phải là một năm từ {min} đến {max} (nhận được "{value}").',
    en: 'Invalid arguments: --year must be a year from {min} to {max} (got "{value}").',
  },
  'cli.node_too_old': {
    vi: 'PlanDesk cần Node.js {needed} trở lên (máy đang chạy Node.js {found}): hãy chạy qua npm (npm run serve, npx plandesk), vốn dùng Node {needed} của dự án.',
    en: 'PlanDesk needs Node.js {needed} or later (this is Node.js {found}): run it through npm (npm run serve, npx plandesk), which uses the project\'s Node {needed}.',
  },
} as const;

// Text of the program templates (issue 13): File → New plan (choosing the program template), File →
// Save structure as template, next year's plan under the program in force, `plandesk new` and the
// template file's refusals.
export const templates = {
  // ---- File → New plan ----
  'menu.templates.save': { vi: 'Lưu cấu trúc làm mẫu…', en: 'Save structure as template…' },
  'templates.new.title': { vi: 'Kế hoạch mới', en: 'New plan' },
  'templates.new.hint': {
    vi: 'Chọn mẫu chương trình: kế hoạch mới có cấu trúc dòng, các cột nguồn vốn và quy tắc kiểm tra của mẫu, chưa có số liệu.',
    en: 'Choose a program template: the new plan takes its lines, funding columns and rule settings, with no figures yet.',
  },
  'templates.new.template': { vi: 'Mẫu chương trình', en: 'Program template' },
  'templates.new.fromFile': { vi: 'Từ tệp mẫu (.pdtemplate)…', en: 'From a template file (.pdtemplate)…' },
  'templates.new.filePath': { vi: 'Đường dẫn tệp mẫu', en: 'Template file path' },
  'templates.new.year': { vi: 'Năm kế hoạch', en: 'Plan year' },
  'templates.new.columns': { vi: 'Cột nguồn vốn theo', en: 'Funding columns of' },
  'templates.new.path': { vi: 'Đường dẫn tệp kế hoạch mới (.plandesk)', en: 'Path of the new plan file (.plandesk)' },
  'templates.new.create': { vi: 'Tạo kế hoạch', en: 'Create plan' },
  'templates.new.done': { vi: 'Đã tạo kế hoạch mới "{name}".', en: 'Created the new plan "{name}".' },
  'templates.new.years': { vi: 'Áp dụng: {from}–{to}', en: 'Applies: {from}–{to}' },
  'templates.new.anyYear': { vi: 'Mọi năm', en: 'Any year' },
  'templates.new.lines': { vi: '{count} dòng', en: '{count} lines' },
  'templates.new.outOfYears': {
    vi: 'Mẫu này dành cho các năm {from}–{to}, không phải năm {year}: tên chương trình và cấu trúc có thể không còn đúng.',
    en: 'This template is for {from}–{to}, not {year}: the program name and structure may no longer apply.',
  },
  // ---- Save structure as template ----
  'templates.save.title': { vi: 'Lưu cấu trúc làm mẫu', en: 'Save structure as template' },
  'templates.save.hint': {
    vi: 'Tệp mẫu giữ các dòng (mã, tên, loại vốn), các cột nguồn vốn, quy tắc kiểm tra và đơn vị tính; không giữ số liệu, cơ quan chủ trì hay ghi chú.',
    en: 'The template keeps the lines (codes, names, capital types), the funding columns, the rule settings and the unit; no figures, lead agencies or notes.',
  },
  'templates.save.name': { vi: 'Tên mẫu', en: 'Template name' },
  'templates.save.path': { vi: 'Đường dẫn tệp mẫu (.pdtemplate)', en: 'Template file path (.pdtemplate)' },
  'templates.save.save': { vi: 'Lưu mẫu', en: 'Save template' },
  'templates.save.done': { vi: 'Đã lưu mẫu "{name}" ({count} dòng).', en: 'Saved the template "{name}" ({count} lines).' },
  // ---- next year's plan ----
  'templates.nextYear.structure': { vi: 'Cấu trúc kế hoạch năm sau', en: 'Next year\'s structure' },
  'templates.nextYear.keep': { vi: 'Giữ cấu trúc của kế hoạch này', en: 'Keep this plan\'s structure' },
  'templates.nextYear.program': { vi: 'Theo mẫu: {name}', en: 'From the template: {name}' },
  'templates.nextYear.hint': {
    vi: 'Năm {year} thuộc chương trình khác với kế hoạch này: nên dùng mẫu của chương trình mới (số liệu không được chép sang).',
    en: '{year} falls under another program than this plan: the new program\'s template is advised (figures are not carried over).',
  },
  // ---- template files ----
  'template.error.too_big': {
    vi: 'Tệp mẫu "{file}" quá lớn (tối đa {max} MB): đây không phải là tệp mẫu của PlanDesk.',
    en: 'Template file "{file}" is too big (at most {max} MB): it is not a PlanDesk template.',
  },
  'template.error.not_template': {
    vi: 'Tệp "{file}" không phải là tệp mẫu kế hoạch của PlanDesk (.pdtemplate).',
    en: '"{file}" is not a PlanDesk plan template (.pdtemplate).',
  },
  'template.error.newer': {
    vi: 'Tệp mẫu "{file}" được tạo bởi phiên bản PlanDesk mới hơn (định dạng {version}): hãy cập nhật PlanDesk.',
    en: 'Template file "{file}" was written by a newer PlanDesk (format {version}): please update PlanDesk.',
  },
  'template.error.invalid': {
    vi: 'Tệp mẫu "{file}" bị hỏng hoặc không hợp lệ (tại {where}): không dùng được tệp này.',
    en: 'Template file "{file}" is damaged or invalid (at {where}): it cannot be used.',
  },
  'template.error.unknown': {
    vi: 'Không có mẫu "{id}". Các mẫu có sẵn: {ids} (hoặc đường dẫn tệp .pdtemplate).',
    en: 'There is no template "{id}". Built-in templates: {ids} (or the path of a .pdtemplate file).',
  },
  'template.error.empty_name': { vi: 'Hãy đặt tên cho mẫu.', en: 'Give the template a name.' },
  // ---- undo / change log ----
  'templates.note.created': { vi: 'Tạo từ mẫu "{template}" cho năm {year}', en: 'Created from the template "{template}" for {year}' },
  // ---- CLI ----
  'cli.templates.header': { vi: 'Mẫu chương trình (dùng: plandesk new TỆP --template MÃ):', en: 'Program templates (use: plandesk new FILE --template ID):' },
  'cli.templates.anyYear': { vi: 'mọi năm', en: 'any year' },
  'cli.templates.from': { vi: 'Theo mẫu: {name}', en: 'Template: {name}' },
  'cli.templates.note': { vi: 'Lưu ý: {note}', en: 'Note: {note}' },
  'cli.error.sample_template': {
    vi: 'Tham số không hợp lệ: --sample đã có cấu trúc và số liệu riêng, không dùng cùng --template.',
    en: 'Invalid arguments: --sample has its own structure and figures; it does not go with --template.',
  },
} as const;

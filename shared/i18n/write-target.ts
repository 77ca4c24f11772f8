// Dictionary entries of the one check every file-writing path makes before it writes
// (electron/engine/safety/write-target.ts): why a file may not be written over.
export const writeTarget = {
  'error.write_target.held': {
    vi: 'Không thể ghi đè "{file}": tệp đang được {user} mở để sửa trên máy {host} từ {since}. Hãy chọn tên khác, hoặc đợi tệp được đóng.',
    en: 'Cannot write over "{file}": it is open for editing by {user} on computer {host} since {since}. Choose another name, or wait until it is closed.',
  },
  'error.write_target.open_here': {
    vi: 'Không thể ghi đè "{file}": đây là tệp kế hoạch đang mở trong PlanDesk. Hãy chọn tên khác.',
    en: 'Cannot write over "{file}": it is a plan open in PlanDesk. Choose another name.',
  },
  'error.write_target.side_file': {
    vi: 'Không thể ghi vào "{file}": đây là tệp phụ của kế hoạch "{plan}" (nơi SQLite giữ các thay đổi); ghi đè sẽ làm hỏng kế hoạch. Hãy chọn tên khác.',
    en: 'Cannot write to "{file}": it is a companion file of the plan "{plan}" (where SQLite keeps changes); writing over it would damage the plan. Choose another name.',
  },
  'error.write_target.lock_file': {
    vi: 'Không thể ghi vào "{file}": đây là tệp khóa cho biết ai đang mở một tệp. Hãy chọn tên khác.',
    en: 'Cannot write to "{file}": it is a lock file telling who has a file open. Choose another name.',
  },
  'error.write_target.backup': {
    vi: 'Không thể ghi vào "{file}": thư mục này chứa các bản sao lưu tự động của PlanDesk. Hãy chọn thư mục khác.',
    en: 'Cannot write to "{file}": this folder holds PlanDesk\'s automatic backups. Choose another folder.',
  },
  'error.write_target.is_plan': {
    vi: 'Không thể ghi đè "{file}": đây là một tệp kế hoạch; ghi một tệp khác lên nó sẽ làm mất kế hoạch. Hãy chọn tên khác.',
    en: 'Cannot write over "{file}": it is a plan file; writing another kind of file over it would lose the plan. Choose another name.',
  },
} as const;

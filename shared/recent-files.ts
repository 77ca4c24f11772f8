// How a recent file is named in a menu: its file name and the folder it is in — as much of the
// folder's path as it takes to tell it from the other recent files of the same name (an officer
// keeps "ke-hoach.plandesk" in eight district folders), at least the folder itself. Used by the
// window's File menu and the desktop app's native menu (macOS). Pure; no Node (paths of either OS).

export interface RecentLabel {
  /** The file's name ("ke-hoach.plandesk"). */
  name: string;
  /** Its folder, shortened from the left ("…/Đắk Mil/2024"); '' for a bare file name. */
  folder: string;
  /** The full path (the tooltip). */
  path: string;
}

export function recentLabels(paths: readonly string[]): RecentLabel[] {
  const parsed = paths.map((p) => {
    const sep = p.includes('\\') && !p.includes('/') ? '\\' : '/';
    const parts = p.split(/[\\/]/);
    const name = parts.pop() ?? p;
    return { path: p, sep, name, dirs: parts };
  });
  const key = (s: string) => s.normalize('NFC').toLowerCase();
  const tail = (dirs: string[], k: number) => dirs.slice(Math.max(0, dirs.length - k)).map(key).join('/');
  return parsed.map((f) => {
    const twins = parsed.filter((o) => o !== f && key(o.name) === key(f.name) && key(o.path) !== key(f.path));
    // The fewest trailing folders that no same-named file shares (all of them if it takes that).
    let k = 1;
    while (k < f.dirs.length && twins.some((o) => tail(o.dirs, k) === tail(f.dirs, k))) k++;
    const shown = f.dirs.slice(Math.max(0, f.dirs.length - k));
    const whole = k >= f.dirs.length;
    const folder = whole ? f.dirs.join(f.sep) || (f.dirs.length ? f.sep : '') : `…${f.sep}${shown.join(f.sep)}`;
    return { name: f.name, folder, path: f.path };
  });
}

/** One line for a menu: "ke-hoach.plandesk — …/Đắk Mil/2024". */
export function recentMenuLabel(l: RecentLabel): string {
  return l.folder ? `${l.name} — ${l.folder}` : l.name;
}

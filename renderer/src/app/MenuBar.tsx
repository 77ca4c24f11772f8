// The in-window menu bar (File, Edit, View and the feature areas' menus): the application's one
// menu, in Electron too (the native menu bar is removed on Windows and Linux, so there are never two
// that disagree). Keyboard-accessible: buttons with aria roles.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useLang } from '../i18n';

export interface MenuItem {
  id: string;
  label: string;
  shortcut?: string;
  disabled?: boolean;
  checked?: boolean;
  /** A longer text shown on hover (e.g. a recent file's full path). */
  title?: string;
  run: () => void;
}

export interface Menu {
  id: string;
  label: string;
  items: (MenuItem | 'separator')[];
}

export function MenuBar({ menus, right }: { menus: Menu[]; right?: ReactNode }) {
  const [open, setOpen] = useState<string | null>(null);
  const bar = useRef<HTMLDivElement>(null);
  const { t } = useLang();
  useEffect(() => {
    const close = (e: MouseEvent) => {
      if (!bar.current?.contains(e.target as Node)) setOpen(null);
    };
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, []);
  return (
    <div className="pd-menubar" role="menubar" ref={bar} aria-label={t('app.name')}>
      {menus.map((m) => (
        <div key={m.id} className="pd-menu">
          <button
            type="button"
            role="menuitem"
            aria-haspopup="true"
            aria-expanded={open === m.id}
            data-menu={m.id}
            onClick={() => setOpen(open === m.id ? null : m.id)}
            onMouseEnter={() => open && setOpen(m.id)}
          >
            {m.label}
          </button>
          {open === m.id && (
            <div className="pd-menu-items" role="menu" onKeyDown={(e) => e.key === 'Escape' && setOpen(null)}>
              {m.items.map((it, i) =>
                it === 'separator' ? (
                  <div key={`sep${i}`} className="pd-menu-sep" role="separator" />
                ) : (
                  <button
                    key={it.id}
                    type="button"
                    role={it.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
                    aria-checked={it.checked}
                    data-action={it.id}
                    disabled={it.disabled}
                    title={it.title}
                    onClick={() => {
                      setOpen(null);
                      it.run();
                    }}
                  >
                    <span>{it.checked ? '✓ ' : ''}{it.label}</span>
                    {it.shortcut && <kbd>{it.shortcut}</kbd>}
                  </button>
                ),
              )}
            </div>
          )}
        </div>
      ))}
      <div className="pd-menubar-right">{right}</div>
    </div>
  );
}

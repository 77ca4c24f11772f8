// The in-window menu bar (File, Edit, View and the feature areas' menus): the application's one
// menu, in Electron too (the native menu bar is removed on Windows and Linux, so there are never two
// that disagree). Mouse and keyboard alike, as a Windows menu: F10 or Alt opens it, Alt + a menu's
// first letter opens that menu, arrows move, Enter runs, Escape gives the keyboard back
// (menu-keys.ts). Buttons with aria roles.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import { useLang } from '../i18n';
import { menuForKey, nextItem } from './menu-keys';
import { modalOpen } from './modal';

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
  /** Where the keyboard was before the menu took it (given back on Escape). */
  const before = useRef<HTMLElement | null>(null);
  /** Opened from the keyboard: its first item takes the focus once shown. */
  const focusFirst = useRef(false);
  const { t } = useLang();
  const live = useRef({ menus, open });
  live.current = { menus, open };

  const openMenu = useCallback((id: string | null, fromKeyboard: boolean) => {
    if (id && fromKeyboard && !live.current.open) {
      const active = document.activeElement;
      before.current = active instanceof HTMLElement && !bar.current?.contains(active) ? active : null;
    }
    focusFirst.current = fromKeyboard && id !== null;
    setOpen(id);
  }, []);

  const close = useCallback((giveBack: boolean) => {
    setOpen(null);
    if (giveBack && before.current?.isConnected) before.current.focus();
    before.current = null;
  }, []);

  useEffect(() => {
    const onDown = (e: MouseEvent) => {
      if (!bar.current?.contains(e.target as Node)) setOpen(null);
    };
    window.addEventListener('mousedown', onDown);
    return () => window.removeEventListener('mousedown', onDown);
  }, []);

  // F10, Alt alone, Alt+letter: from anywhere in the window (dialogs keep their keys to themselves).
  useEffect(() => {
    let altAlone = false;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === 'Alt') {
        altAlone = !e.ctrlKey && !e.shiftKey && !e.metaKey;
        return;
      }
      altAlone = false;
      if (e.defaultPrevented || modalOpen()) return;
      // Escape closes an open menu wherever the keyboard is (a menu opened with the mouse leaves it
      // on the menu's title, outside its items) and gives the keyboard back.
      if (e.key === 'Escape' && live.current.open) {
        e.preventDefault();
        close(true);
        return;
      }
      const labels = live.current.menus.map((m) => m.label);
      if (e.key === 'F10' && !e.altKey && !e.ctrlKey && !e.shiftKey && !e.metaKey) {
        e.preventDefault();
        openMenu(live.current.open ? null : live.current.menus[0]?.id ?? null, true);
      } else if (e.altKey && !e.ctrlKey && !e.shiftKey && !e.metaKey) {
        const i = menuForKey(labels, e.key);
        if (i < 0) return;
        e.preventDefault();
        openMenu(live.current.menus[i].id, true);
      }
    };
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key !== 'Alt' || !altAlone) return;
      altAlone = false;
      if (modalOpen()) return;
      e.preventDefault();
      if (live.current.open) close(true);
      else openMenu(live.current.menus[0]?.id ?? null, true);
    };
    // Alt+Tab away or Alt+click: that Alt was not a press of the menu key.
    const notAlone = () => {
      altAlone = false;
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    window.addEventListener('blur', notAlone);
    window.addEventListener('mousedown', notAlone, true);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
      window.removeEventListener('blur', notAlone);
      window.removeEventListener('mousedown', notAlone, true);
    };
  }, [openMenu, close]);

  // A menu opened from the keyboard: its first item that can run takes the focus.
  useEffect(() => {
    if (!open || !focusFirst.current) return;
    focusFirst.current = false;
    bar.current?.querySelector<HTMLButtonElement>('.pd-menu-items button:not(:disabled)')?.focus();
  }, [open]);

  const onItemsKeyDown = (e: ReactKeyboardEvent<HTMLDivElement>, menuIndex: number) => {
    // The menu's keys are its own: the grid and the window shortcuts must not see them.
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      close(true);
      return;
    }
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      e.preventDefault();
      const n = menus.length;
      openMenu(menus[(menuIndex + (e.key === 'ArrowRight' ? 1 : n - 1)) % n].id, true);
      return;
    }
    if (e.key === 'Tab') {
      e.preventDefault();
      close(true);
      return;
    }
    const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button')];
    const to = nextItem(
      buttons.map((b) => !b.disabled),
      buttons.indexOf(document.activeElement as HTMLButtonElement),
      e.key,
    );
    if (to === null) return;
    e.preventDefault();
    buttons[to].focus();
  };

  return (
    <div className="pd-menubar" role="menubar" ref={bar} aria-label={t('app.name')}>
      {menus.map((m, mi) => (
        <div key={m.id} className="pd-menu">
          <button
            type="button"
            role="menuitem"
            aria-haspopup="true"
            aria-expanded={open === m.id}
            data-menu={m.id}
            onMouseDown={() => {
              // Opened with the mouse: remember where the keyboard was (the press is about to move it).
              const active = document.activeElement;
              if (!open) before.current = active instanceof HTMLElement && !bar.current?.contains(active) ? active : null;
            }}
            onClick={() => openMenu(open === m.id ? null : m.id, false)}
            onMouseEnter={() => open && openMenu(m.id, false)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                openMenu(m.id, true);
              }
            }}
          >
            {m.label}
          </button>
          {open === m.id && (
            <div className="pd-menu-items" role="menu" onKeyDown={(e) => onItemsKeyDown(e, mi)}>
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
                      // The action decides where the keyboard goes next (a dialog, the grid).
                      const back = before.current;
                      close(false);
                      if (back?.isConnected) back.focus();
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

// The right-click menu of the grid (AG Grid Community has none): clipboard, fill, clear and the
// line operations, with their shortcuts. Keyboard-accessible: arrows move, Enter runs, Esc closes.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';

export interface ContextItem {
  id: string;
  label: string;
  shortcut?: string;
  disabled?: boolean;
}

export interface ContextMenuState {
  x: number;
  y: number;
  items: (ContextItem | 'separator')[];
}

export function GridContextMenu({ menu, onRun, onClose }: { menu: ContextMenuState | null; onRun: (id: string) => void; onClose: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ left: number; top: number } | null>(null);

  // Keep the menu inside the window (open upwards/leftwards near the edges).
  useLayoutEffect(() => {
    if (!menu || !box.current) return setPos(null);
    const { width, height } = box.current.getBoundingClientRect();
    setPos({
      left: Math.max(0, Math.min(menu.x, window.innerWidth - width - 4)),
      top: Math.max(0, menu.y + height > window.innerHeight ? menu.y - height : menu.y),
    });
    box.current.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
  }, [menu]);

  useEffect(() => {
    if (!menu) return;
    const close = (e: Event) => {
      if (!box.current?.contains(e.target as Node)) onClose();
    };
    // Escape closes it wherever the keyboard is (the grid may have kept it after the right-click).
    const onEscape = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      onClose();
    };
    window.addEventListener('mousedown', close, true);
    window.addEventListener('wheel', close, true);
    window.addEventListener('blur', onClose);
    window.addEventListener('keydown', onEscape, true);
    return () => {
      window.removeEventListener('keydown', onEscape, true);
      window.removeEventListener('mousedown', close, true);
      window.removeEventListener('wheel', close, true);
      window.removeEventListener('blur', onClose);
    };
  }, [menu, onClose]);

  if (!menu) return null;
  const onKeyDown = (e: React.KeyboardEvent) => {
    e.stopPropagation();
    const buttons = [...(box.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') onClose();
    else if (e.key === 'ArrowDown') buttons[(i + 1) % buttons.length]?.focus();
    else if (e.key === 'ArrowUp') buttons[(i - 1 + buttons.length) % buttons.length]?.focus();
    else if (e.key === 'Home') buttons[0]?.focus();
    else if (e.key === 'End') buttons[buttons.length - 1]?.focus();
    else return;
    e.preventDefault();
  };
  return (
    <div
      ref={box}
      className="pd-context-menu"
      role="menu"
      style={pos ? { left: pos.left, top: pos.top } : { left: menu.x, top: menu.y, visibility: 'hidden' }}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      {menu.items.map((it, i) =>
        it === 'separator' ? (
          <div key={`sep${i}`} className="pd-menu-sep" role="separator" />
        ) : (
          <button
            key={it.id}
            type="button"
            role="menuitem"
            data-action={it.id}
            disabled={it.disabled}
            onClick={() => {
              onClose();
              onRun(it.id);
            }}
          >
            <span>{it.label}</span>
            {it.shortcut && <kbd>{it.shortcut}</kbd>}
          </button>
        ),
      )}
    </div>
  );
}

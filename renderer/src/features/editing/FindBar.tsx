// The find bar (Ctrl+F): searches codes, names and agencies as the officer types, with or without
// diacritics; Enter / Shift+Enter (or F3 / Shift+F3) go to the next / previous hit, revealing
// collapsed lines, scrolling it into view and marking it while the box keeps the keyboard; Esc
// closes it and gives the keyboard back to the grid at the last hit.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { AppContext } from '../types';
import { findAll, nextIndex, type FindHit } from './find';
import { openEditingUi } from './ui-state';

export function FindBar({ ctx, focusSignal }: { ctx: AppContext; focusSignal: number }) {
  const { t, store } = ctx;
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [debounced, setDebounced] = useState('');
  const [index, setIndex] = useState(-1);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [focusSignal]);

  // Typing in a 100.000-line plan: search once the officer pauses.
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(query), store.order.length > 20_000 ? 200 : 0);
    return () => clearTimeout(timer);
  }, [query, store]);

  const hits = useMemo<FindHit[]>(() => {
    const rows = store.order.map((id) => store.rows.get(id)!).filter(Boolean);
    return findAll(rows, debounced);
  }, [debounced, store, store.version]); // eslint-disable-line react-hooks/exhaustive-deps

  const go = (i: number) => {
    setIndex(i);
    const hit = hits[i];
    if (!hit) return;
    ctx.grid.current?.focusCell(hit.lineId, hit.field);
    ctx.grid.current?.markFound({ lineId: hit.lineId, column: hit.field });
    // Focusing the cell takes the keyboard: give it back to the find box.
    input.current?.focus();
  };

  // No hit (or a new search without one): nothing marked; closing the box removes the mark.
  useEffect(() => {
    if (index < 0 || !hits[index]) ctx.grid.current?.markFound(null);
  }, [index, hits, ctx.grid]);
  useEffect(() => () => ctx.grid.current?.markFound(null), [ctx.grid]);

  // A new search goes to its first hit; the same search over changed lines keeps its place.
  const searched = useRef<string | null>(null);
  useEffect(() => {
    if (searched.current === debounced) {
      if (index >= hits.length) setIndex(hits.length - 1);
      return;
    }
    searched.current = debounced;
    if (hits.length) go(0);
    else setIndex(-1);
  }, [hits]); // eslint-disable-line react-hooks/exhaustive-deps

  const close = () => {
    openEditingUi({ find: false });
    const hit = hits[index];
    if (hit) ctx.grid.current?.focusCell(hit.lineId, hit.field);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === 'F3') {
      e.preventDefault();
      // Enter before the search caught up with the typing: run it now (it goes to the first hit).
      if (query !== debounced) setDebounced(query);
      else go(nextIndex(hits.length, index, e.shiftKey ? -1 : 1));
    } else if (e.key === 'Escape') {
      e.preventDefault();
      close();
    }
  };

  return (
    <div className="pd-find" role="search" aria-label={t('editing.find.label')}>
      <input
        ref={input}
        type="search"
        value={query}
        placeholder={t('editing.find.placeholder')}
        aria-label={t('editing.find.placeholder')}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <span className="pd-find-count" aria-live="polite" data-testid="find-count" data-query={debounced}>
        {debounced.trim() === '' ? '' : hits.length === 0 ? t('editing.find.none') : t('editing.find.count', { index: index + 1, count: hits.length })}
      </span>
      <button type="button" title={t('editing.find.prev')} aria-label={t('editing.find.prev')} disabled={!hits.length} onClick={() => go(nextIndex(hits.length, index, -1))}>
        ↑
      </button>
      <button type="button" title={t('editing.find.next')} aria-label={t('editing.find.next')} disabled={!hits.length} onClick={() => go(nextIndex(hits.length, index, 1))}>
        ↓
      </button>
      <button type="button" title={t('editing.find.close')} aria-label={t('editing.find.close')} onClick={close}>
        ×
      </button>
    </div>
  );
}

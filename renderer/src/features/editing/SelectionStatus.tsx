// The status-bar part of the selection, as Excel shows it: average, count and sum of the selected
// numbers (in the plan's unit), and the zoom level when it is not 100%.
import { useSyncExternalStore } from 'react';
import { formatAmount } from '../../../../shared/number';
import { gridZoom, selectionSummary } from '../../grid/grid-status';
import type { AppContext } from '../types';

export function SelectionStatus({ ctx }: { ctx: AppContext }) {
  const stats = useSyncExternalStore(selectionSummary.subscribe, selectionSummary.get);
  const zoom = useSyncExternalStore(gridZoom.subscribe, gridZoom.get);
  const meta = ctx.store.meta;
  const { t } = ctx;
  // Sums are exact; an average is shown to two decimals of the unit, as a spreadsheet would.
  const fmt = (v: number, decimals?: number) => (meta ? formatAmount(Math.round(v), meta.unit, meta.numberLocale, decimals) : String(v));
  return (
    <>
      {stats && stats.count > 0 && (
        <span className="pd-selection-status" data-testid="selection-status">
          <span data-stat="avg">{t('editing.status.avg', { avg: fmt(stats.sum / stats.count, 2) })}</span>
          <span data-stat="count">{t('editing.status.count', { count: stats.count.toLocaleString('vi-VN') })}</span>
          <span data-stat="sum">{t('editing.status.sum', { sum: fmt(stats.sum) })}</span>
        </span>
      )}
      {zoom !== 1 && <span className="pd-zoom-status">{t('editing.status.zoom', { pct: Math.round(zoom * 100) })}</span>}
    </>
  );
}

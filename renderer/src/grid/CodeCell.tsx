// The code cell: indentation by depth, an expand/collapse chevron on parent lines, the code.
import type { CustomCellRendererProps } from 'ag-grid-react';
import type { Translate } from '../../../shared/i18n';
import type { RowView } from '../../../shared/ipc';

export interface CodeCellContext {
  isCollapsed: (id: number) => boolean;
  toggle: (id: number) => void;
  t: Translate;
}

export function CodeCell(props: CustomCellRendererProps<RowView, string, CodeCellContext>) {
  const row = props.data;
  if (!row || props.node.rowPinned) return <span className="pd-code"><span className="pd-code-text">{props.value}</span></span>;
  const ctx = props.context;
  const collapsed = ctx.isCollapsed(row.id);
  return (
    <span className="pd-code" style={{ paddingLeft: `${row.depth * 14}px` }}>
      {row.hasChildren ? (
        <button
          type="button"
          className="pd-chevron"
          aria-label={ctx.t(collapsed ? 'grid.expand' : 'grid.collapse')}
          aria-expanded={!collapsed}
          tabIndex={-1}
          onMouseDown={(e) => e.preventDefault()}
          onClick={(e) => {
            e.stopPropagation();
            ctx.toggle(row.id);
          }}
        >
          {collapsed ? '▸' : '▾'}
        </button>
      ) : (
        <span className="pd-chevron-space" />
      )}
      <span className="pd-code-text">{props.value}</span>
    </span>
  );
}

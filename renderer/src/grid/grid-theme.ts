// The figure grids' common look and AG Grid options: the plan grid, the allocation grid and the
// disbursement grid show figures the same way (the annex's serif face, the same row heights) and
// edit them the same way (the engine writes, Enter goes down). AG Grid's modules are registered
// here, once, for all of them.
import { AllCommunityModule, ModuleRegistry, themeQuartz } from 'ag-grid-community';

ModuleRegistry.registerModules([AllCommunityModule]);

/** A figure grid's look at a zoom level (Ctrl + / Ctrl −): text and rows grow together. */
export const themeAt = (zoom: number) =>
  themeQuartz.withParams({
    fontFamily: ['"Times New Roman"', 'Tinos', '"Liberation Serif"', 'serif'],
    fontSize: Math.round(14 * zoom),
    headerFontWeight: 700,
    rowHeight: Math.round(30 * zoom),
    headerHeight: Math.round(32 * zoom),
    spacing: 5,
    wrapperBorderRadius: 0,
  });

/**
 * AG Grid options every figure grid sets: the grid never changes its own data (readOnlyEdit: an
 * edit goes to the engine, whose patch repaints), Enter saves and moves down as in Excel, an edit
 * left by a click elsewhere is saved. (Tooltips are each grid's: the allocation grid has none from
 * AG Grid, a tooltip object per cell slowed its first paint.)
 */
export const FIGURE_GRID_OPTIONS = {
  readOnlyEdit: true,
  enterNavigatesVertically: true,
  enterNavigatesVerticallyAfterEdit: true,
  stopEditingWhenCellsLoseFocus: true,
  animateRows: false,
} as const;

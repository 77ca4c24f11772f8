// Migration 3 of the cycle file: units and their shares of the plan's lines (issue 14).
// Filled by the units area; kept in its own file so areas that grow the schema at the same
// time do not edit one list. Add-only once shipped, like every migration (see migrations.ts).
export const UNITS_SCHEMA = `
  -- units and allocation: tables are added here by the units area
  SELECT 1;
`;

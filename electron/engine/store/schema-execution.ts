// Migration 4 of the cycle file: reporting dates and disbursement figures (issue 15).
// Filled by the execution area; its own file for the same reason as schema-units.ts.
export const EXECUTION_SCHEMA = `
  -- execution reports: tables are added here by the execution area
  SELECT 1;
`;

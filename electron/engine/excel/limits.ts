// Hard limits on what an imported spreadsheet may cost. A hostile or broken file (zip bomb, XML
// bomb, a million rows) must end in a clear refusal, never in exhausted memory or a frozen worker.
// Values are generous for real plans: the biggest annex we expect is ~100.000 lines (~8 MB xlsx).

export const LIMITS = {
  /** Files bigger than this are refused before reading (real annexes are a few MB). */
  maxFileBytes: 100 * 1024 * 1024,
  /** Total bytes we agree to inflate from one zip package (all parts read). */
  maxInflatedBytes: 1024 * 1024 * 1024,
  /** Inflated/compressed ratio above which a big part is treated as a zip bomb. */
  maxCompressionRatio: 250,
  /** The ratio check applies only to parts inflating past this size (tiny parts compress well). */
  ratioCheckFromBytes: 8 * 1024 * 1024,
  /** An .xls (or XML/HTML "xls") handed to SheetJS, which parses it all in memory. */
  maxSheetJSFileBytes: 48 * 1024 * 1024,
  /** Inflated size of an .ods/.xlsb package handed to SheetJS (which parses it all in memory). */
  maxSheetJSInflatedBytes: 160 * 1024 * 1024,
  /** Rows with content in one sheet. */
  maxRows: 300_000,
  /** Columns considered (a budget table has ~15; cells beyond are ignored, with a warning). */
  maxCols: 256,
  /** Cells with content in one sheet. */
  maxCells: 6_000_000,
  /** Shared strings in one package. */
  maxSharedStrings: 2_000_000,
  /** Characters of text kept from one package (shared strings + one sheet's strings): bounds memory. */
  maxTextChars: 200_000_000,
  /** Rows scanned from the top to find the header block. */
  headerSearchRows: 60,
  /** Merged ranges in one sheet. */
  maxMerges: 100_000,
} as const;

export type Limits = typeof LIMITS;

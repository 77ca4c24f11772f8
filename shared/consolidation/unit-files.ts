// Which files of a folder are units' spreadsheets: the one rule the host's folder walk (a folder
// picked or named on the command line) and the window's walk of a dropped folder both follow, so a
// folder gives the same files however it reaches the board.

/** At most this many files in one consolidation (the country's communes are ~3.300). */
export const MAX_UNIT_FILES = 20000;

/** The spreadsheets a folder is searched for (its sub-folders too). */
const UNIT_SHEET_EXT = /\.(xlsx|xlsm|xls|ods)$/i;

/** A folder entry left out: hidden files and folders, and Excel's lock files ("~$…"). */
export function skippedInFolder(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$');
}

/** A file found inside a folder that is read as a unit's spreadsheet. */
export function isUnitSheetInFolder(name: string): boolean {
  return !skippedInFolder(name) && UNIT_SHEET_EXT.test(name);
}

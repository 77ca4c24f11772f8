// Document dates ("ngày 29/02/2024"): kept as ISO yyyy-mm-dd in the cycle, typed and shown the
// Vietnamese way (dd/mm/yyyy). Real calendar dates only: 29/02/2023 is refused.

/** Whether `iso` is a real date written yyyy-mm-dd. */
export function isIsoDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * Read a typed date: d/m/yyyy with /, - or . between (the Vietnamese order), or yyyy-mm-dd.
 * Blank is "no date" (''); anything else that is not a real date is null.
 */
export function parseDocDate(text: string): string | null {
  const s = text.trim();
  if (s === '') return '';
  let iso: string | null = null;
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (vn) iso = `${vn[3]}-${vn[2].padStart(2, '0')}-${vn[1].padStart(2, '0')}`;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(s)) iso = s;
  return iso !== null && isIsoDate(iso) ? iso : null;
}

/** yyyy-mm-dd → dd/mm/yyyy ('' stays ''). */
export function formatDocDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

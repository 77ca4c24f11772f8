// Which annex Print and Export PDF print: the plan annex, or the allocation annex of one funding
// column (issue 14) with the number and title chosen in its preview — what the window shows. The
// hosts (Electron's main process, browser mode's server) take it from the page, check it with the
// schema below and open the print view (`#/print…`, renderer/src/print/PrintRoute.tsx) at the
// address `printViewHash` gives, so the page, the desktop and the server name an annex one way.
import { z } from 'zod';

export const printTargetSchema = z.union([
  z.object({ annex: z.literal('plan') }).strict(),
  z
    .object({
      annex: z.literal('allocation'),
      column: z.string().min(1).max(64),
      annexNumber: z.string().max(20).optional(),
      title: z.string().max(500).optional(),
      /** The consolidated annex by unit (issue 16): the units' merged figures, the shares where a unit has not reported. */
      consolidated: z.boolean().optional(),
    })
    .strict(),
]);

export type PrintTarget = z.infer<typeof printTargetSchema>;

export const PLAN_ANNEX: PrintTarget = { annex: 'plan' };

/**
 * The print view's address after `#` for a target: `/print`, `/print?annex=allocation&column=…`;
 * `chunked` (a host prints a slice of sheets at a time) and `print` (open the print dialog once laid
 * out) are added when asked.
 */
export function printViewHash(target: PrintTarget, options: { chunked?: boolean; print?: boolean } = {}): string {
  const q = new URLSearchParams();
  if (target.annex === 'allocation') {
    q.set('annex', 'allocation');
    q.set('column', target.column);
    if (target.annexNumber) q.set('number', target.annexNumber);
    if (target.title) q.set('title', target.title);
    if (target.consolidated) q.set('consolidated', '1');
  }
  if (options.chunked) q.set('chunked', '1');
  if (options.print) q.set('print', '1');
  const query = q.toString();
  return query ? `/print?${query}` : '/print';
}

/** The annex number a PDF's proposed name carries: the target's own, else the plan's. */
export function targetAnnexNumber(target: PrintTarget, planAnnexNumber: string | undefined): string {
  return (target.annex === 'allocation' && target.annexNumber?.trim()) || planAnnexNumber || 'I';
}

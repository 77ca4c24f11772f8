// Compile-time test of the engine's refusals (type-checked by `npx tsc --noEmit -p .`, never run):
// each `@ts-expect-error` fails the typecheck if a wrong key or parameter set compiled again.
import { PlanDeskError } from './errors';
import { ImportError } from './excel/errors';
import { WriteTargetRefused } from './safety/write-target';

export function refusalCases(): Error[] {
  return [
    new PlanDeskError('error.exists', { file: 'a.plandesk' }),
    new PlanDeskError('error.read_only', {}, { cause: new Error('x') }),
    new ImportError('excel.error.cancelled'),
    new WriteTargetRefused('side_file', { file: 'a-wal', plan: 'a.plandesk' }),
    // @ts-expect-error a key that is not in the dictionary
    new PlanDeskError('error.no_such_refusal'),
    // @ts-expect-error a missing parameter ({file})
    new PlanDeskError('error.exists'),
    // @ts-expect-error a key read at run time (use PlanDeskError.received for one that crossed a bridge)
    new PlanDeskError(String('error.exists'), { file: 'a' }),
    // @ts-expect-error an import refusal must be an excel.* key
    new ImportError('error.exists', { file: 'a' }),
    // @ts-expect-error the side-file refusal names the plan too
    new WriteTargetRefused('side_file', { file: 'a-wal' }),
  ];
}

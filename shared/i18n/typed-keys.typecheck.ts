// Compile-time test of the typed dictionary: `npx tsc --noEmit -p .` type-checks this file (it is
// never run nor imported). Each `@ts-expect-error` fails the typecheck if the error below it
// disappears, i.e. if a wrong key or a wrong parameter set compiled again.
import { stepLabel } from '../step-label';
import { t, tMessage, type Message, type Translate } from './index';

export function typedKeyCases(tr: Translate): string[] {
  return [
    // A key with a parameter, given it: compiles.
    t('vi', 'error.not_found', { file: 'a.plandesk' }),
    // A key without parameters, given none: compiles.
    t('en', 'cli.usage.compare'),
    // A key built from a typed union compiles when every member is in the dictionary.
    t('vi', `unit.${'trieu' as 'dong' | 'nghin' | 'trieu' | 'ty'}`),

    // @ts-expect-error a key that is not in the dictionary (the issue's `cli.usage` printed as is)
    t('vi', 'cli.usage'),
    // @ts-expect-error a key read at run time must go through tStored
    t('vi', String('error.not_found'), { file: 'x' }),
    // @ts-expect-error a missing parameter: the text has {file}
    t('vi', 'error.not_found'),
    // @ts-expect-error a misspelt parameter
    t('vi', 'error.not_found', { fil: 'x' }),
    // @ts-expect-error one of two parameters missing
    t('vi', 'status.loadingRows', { loaded: 1 }),
    // @ts-expect-error a parameter given to a text that takes none
    t('vi', 'cli.usage.compare', { file: 'x' }),
    // @ts-expect-error a template-literal key with a member that has no entry
    t('vi', `unit.${'trieu' as 'trieu' | 'vnd'}`),

    // The renderer's bound `t` is as strict.
    tr('error.exists', { file: 'a' }),
    // @ts-expect-error missing parameter through the bound `t`
    tr('error.exists'),
    // @ts-expect-error unknown key through the bound `t`
    tr('error.exist'),

    // Stored step labels are written with the same checks.
    stepLabel('transfer.undo.replace', { file: 'a.xlsx' }),
    // @ts-expect-error a step label missing its parameter
    stepLabel('transfer.undo.replace'),

    // A message kept as a value: its parameters are checked against its key.
    tMessage('vi', { key: 'error.not_found', params: { file: 'a' } } satisfies Message),
    // @ts-expect-error a kept message with the wrong parameters
    tMessage('vi', { key: 'error.not_found', params: { folder: 'a' } }),
  ];
}

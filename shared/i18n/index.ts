// The one typed dictionary of user-facing text: Vietnamese (default) and English.
// Each area keeps its entries in its own file (so areas can grow without stepping on each other);
// this module merges them and checks at compile time that English has every Vietnamese key.
// Calls are typed too: `t` takes only a key of the dictionary and exactly the `{name}` parameters
// its texts name (read from the `as const` texts), so a wrong key or a missing parameter does not
// compile (typed-keys.typecheck.ts). A key that arrives as data — an engine refusal over a bridge,
// a step label stored in a file, an import warning — goes through `tStored`, which checks it at
// run time and shows an unknown key as itself.
import { allocation } from './allocation';
import { allocIo } from './alloc-io';
import { cli } from './cli';
import { columns } from './columns';
import { consolidation } from './consolidation';
import { core } from './core';
import { editing } from './editing';
import { excel } from './excel';
import { execution } from './execution';
import { executionReport } from './execution-report';
import { executionImport } from './execution-import';
import { findings } from './findings';
import { history } from './history';
import { plan } from './plan';
import { print } from './print';
import { rules } from './rules';
import { templates } from './templates';
import { transfer } from './transfer';
import { units } from './units';
import { writeTarget } from './write-target';

export type Lang = 'vi' | 'en';
type Entry = { vi: string; en: string };

const all = { ...core, ...cli, ...rules, ...excel, ...history, ...print, ...findings, ...editing, ...transfer, ...plan, ...writeTarget, ...execution, ...columns, ...allocation, ...allocIo, ...templates, ...executionReport, ...executionImport, ...units, ...consolidation } satisfies Record<string, Entry>;

export type MessageKey = keyof typeof all;
export const DICTIONARY: Record<MessageKey, Entry> = all;

/** The `{name}` placeholders of a text, as a union of names (never when it has none). */
export type Placeholders<S extends string> = S extends `${string}{${infer N}}${infer Rest}` ? N | Placeholders<Rest> : never;
/**
 * The parameter names a key takes: those of both texts. They are the same names (i18n.test.ts),
 * except a pair named for its language (`colVi` in the Vietnamese text, `colEn` in the English):
 * the caller gives both, and each text takes its own.
 */
export type MessageParamName<K extends MessageKey> = Placeholders<(typeof all)[K]['vi']> | Placeholders<(typeof all)[K]['en']>;
export type MessageParams<K extends MessageKey> = { [N in MessageParamName<K>]: string | number };
/** What follows the key in a call of `t`: the key's parameters, or nothing when its text has none. */
export type MessageArgs<K extends MessageKey> = [MessageParamName<K>] extends [never]
  ? [params?: Record<string, never>]
  : [params: MessageParams<K>];
/** `t` bound to a language (the renderer's, a view's): as strict as `t`. */
export type Translate = <K extends MessageKey>(key: K, ...args: MessageArgs<K>) => string;
/** A key whose text takes no parameter (a label a caller can pass around as a bare key). */
export type PlainMessageKey = { [K in MessageKey]: [MessageParamName<K>] extends [never] ? K : never }[MessageKey];

/** A key with its parameters, as a value (a problem found now, shown later): checked like a call of `t`. */
export type Message<K extends MessageKey = MessageKey> = {
  [P in K]: [MessageParamName<P>] extends [never] ? { key: P; params?: Record<string, never> } : { key: P; params: MessageParams<P> };
}[K];

/** The text of a Message in `lang`. */
export function tMessage(lang: Lang, m: Message): string {
  return fill(DICTIONARY[m.key][lang], m.params ?? {});
}

function fill(text: string, params: Readonly<Record<string, unknown>>): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/**
 * Translate a key, filling its `{name}` placeholders. Typed: a key that is not in the dictionary,
 * a missing parameter or a parameter the text does not take does not compile.
 */
export function t<K extends MessageKey>(lang: Lang, key: K, ...args: MessageArgs<K>): string {
  return fill(DICTIONARY[key][lang], args[0] ?? {});
}

/**
 * Translate a key that comes from outside the program's text: a label stored in a file, an error
 * code received over a bridge. Its membership is checked at run time; an unknown key shows as
 * itself, and placeholders with no parameter stay as written.
 */
export function tStored(lang: Lang, key: string, params: Readonly<Record<string, unknown>> = {}): string {
  return isMessageKey(key) ? fill(DICTIONARY[key][lang], params) : key;
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(DICTIONARY, key);
}

// The one typed dictionary of user-facing text: Vietnamese (default) and English.
// Each area keeps its entries in its own file (so areas can grow without stepping on each other);
// this module merges them and checks at compile time that English has every Vietnamese key.
import { cli } from './cli';
import { core } from './core';
import { editing } from './editing';
import { excel } from './excel';
import { findings } from './findings';
import { history } from './history';
import { plan } from './plan';
import { print } from './print';
import { rules } from './rules';
import { transfer } from './transfer';
import { writeTarget } from './write-target';

export type Lang = 'vi' | 'en';
type Entry = { vi: string; en: string };

const all = { ...core, ...cli, ...rules, ...excel, ...history, ...print, ...findings, ...editing, ...transfer, ...plan, ...writeTarget } satisfies Record<string, Entry>;

export type MessageKey = keyof typeof all;
export const DICTIONARY: Record<MessageKey, Entry> = all;

/** Translate a key, filling `{name}` placeholders from params. Unknown keys show as themselves. */
export function t(lang: Lang, key: MessageKey | string, params: Record<string, string | number> = {}): string {
  const entry = (DICTIONARY as Record<string, Entry>)[key];
  const text = entry ? entry[lang] : key;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export function isMessageKey(key: string): key is MessageKey {
  return key in DICTIONARY;
}

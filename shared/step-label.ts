// Labels of undo steps and change-log entries. They are stored as a message key with its
// parameters (JSON), not as text, so every window names a step in its own language — the same
// file may be opened in Vietnamese and in English. Labels written by earlier versions are plain
// Vietnamese text and are shown as written.
import { isMessageKey, t, type Lang, type MessageKey } from './i18n';

type Params = Record<string, string | number>;

/** The stored form of a label. */
export function stepLabel(key: MessageKey, params?: Params): string {
  return JSON.stringify(params ? { key, params } : { key });
}

/** A label a command was given: a message key (stored as one), else text kept as it came. */
export function stepLabelFrom(arg: string | undefined, fallback: MessageKey): string {
  if (arg === undefined) return stepLabel(fallback);
  return isMessageKey(arg) ? stepLabel(arg) : arg;
}

/** A stored label as text in `lang`. */
export function labelText(lang: Lang, stored: string): string {
  if (stored.startsWith('{')) {
    try {
      const v = JSON.parse(stored) as { key?: unknown; params?: unknown };
      if (typeof v.key === 'string' && isMessageKey(v.key)) {
        const params = v.params && typeof v.params === 'object' ? (v.params as Params) : {};
        return t(lang, v.key, params);
      }
    } catch {
      // Not ours: text that happens to start with a brace.
    }
  }
  return stored;
}

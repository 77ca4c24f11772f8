// Labels of undo steps and change-log entries. They are stored as a message key with its
// parameters (JSON), not as text, so every window names a step in its own language — the same
// file may be opened in Vietnamese and in English. Labels written by earlier versions are plain
// Vietnamese text and are shown as written.
// Writing a label is typed like `t` (a known key with its parameters); reading one back goes
// through `tStored`, since a file may hold any string.
import { isMessageKey, tStored, type Lang, type MessageArgs, type MessageKey, type PlainMessageKey } from './i18n';

/** The stored form of a label. */
export function stepLabel<K extends MessageKey>(key: K, ...args: MessageArgs<K>): string {
  const params = args[0];
  return JSON.stringify(params ? { key, params } : { key });
}

/** A label a command was given: a message key (stored as one), else text kept as it came. */
export function stepLabelFrom(arg: string | undefined, fallback: PlainMessageKey): string {
  if (arg === undefined) return stepLabel(fallback);
  // A key named by a caller (e.g. the renderer's 'print.undo') is stored without parameters, as before.
  return isMessageKey(arg) ? JSON.stringify({ key: arg }) : arg;
}

/** A stored label as text in `lang`. */
export function labelText(lang: Lang, stored: string): string {
  if (stored.startsWith('{')) {
    try {
      const v = JSON.parse(stored) as { key?: unknown; params?: unknown };
      if (typeof v.key === 'string' && isMessageKey(v.key)) {
        const params = v.params && typeof v.params === 'object' ? (v.params as Record<string, unknown>) : {};
        return tStored(lang, v.key, params);
      }
    } catch {
      // Not ours: text that happens to start with a brace.
    }
  }
  return stored;
}

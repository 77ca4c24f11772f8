// Escaping text for the XML parts we write (the xlsx writer and its chart parts share it).

// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

export function esc(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  // XML 1.0 forbids most control characters: keep tab/newline/CR, drop the rest.
  return s.replace(/[&<>"]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '',
  );
}

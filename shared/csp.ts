// The Content-Security-Policy of every PlanDesk page (Electron's app:// and browser mode alike):
// only our own files, no remote content, no eval. Inline styles are allowed because AG Grid's
// theming API and React style props inject them; scripts never are.
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

// The mark of a severity, drawn (not an emoji: the same on every Windows PC): a red disc with a
// cross for errors, an amber triangle for warnings, a blue disc with "i" for information.
import type { Severity } from '../../../../shared/findings';

export function SeverityIcon({ severity, label }: { severity: Severity; label?: string }) {
  return (
    <svg
      className={`pd-sev-icon pd-sev-icon-${severity}`}
      viewBox="0 0 16 16"
      width="14"
      height="14"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      focusable="false"
    >
      {severity === 'error' && (
        <>
          <circle cx="8" cy="8" r="7.5" fill="currentColor" />
          <path d="M5.2 5.2l5.6 5.6M10.8 5.2l-5.6 5.6" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
        </>
      )}
      {severity === 'warning' && (
        <>
          <path d="M8 0.8l7.4 13.6H0.6z" fill="currentColor" strokeLinejoin="round" />
          <path d="M8 5.4v4.4" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
          <circle cx="8" cy="12" r="1" fill="#fff" />
        </>
      )}
      {severity === 'info' && (
        <>
          <circle cx="8" cy="8" r="7.5" fill="currentColor" />
          <path d="M8 7.2v4.6" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
          <circle cx="8" cy="4.6" r="1.05" fill="#fff" />
        </>
      )}
    </svg>
  );
}

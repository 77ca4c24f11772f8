// A visible, dismissible message (bad input refused, engine refusal, what a paste skipped).
// role=alert for errors so screen readers announce them.
import { useLang } from '../i18n';

export interface Message {
  id: number;
  text: string;
  kind: 'error' | 'info';
}

export function MessageBar({ message, onClose }: { message: Message | null; onClose: () => void }) {
  const { t } = useLang();
  if (!message) return null;
  return (
    <div className={`pd-message pd-message-${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
      <span className="pd-message-text">{message.text}</span>
      <button type="button" onClick={onClose} aria-label={t('common.close')}>
        ×
      </button>
    </div>
  );
}

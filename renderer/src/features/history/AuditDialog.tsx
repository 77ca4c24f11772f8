// Tools → Change log: every change to the plan, newest first — when, who, what (line, column or
// field), old → new and the difference — filtered by line, column, person, kind and dates.
import { useCallback, useEffect, useState } from 'react';
import type { AuditFilter, AuditKind, AuditRow } from '../../../../shared/commands/history';
import { LINE_FIELDS } from '../../../../shared/model';
import { labelText } from '../../../../shared/step-label';
import type { AppContext } from '../types';
import { Dialog } from './Dialog';
import { auditDelta, auditFieldLabel, auditValue, columnLabel, formatTime, isAmountRow } from './format';

const PAGE = 200;
const KINDS: AuditKind[] = ['edit', 'undo', 'redo', 'revision', 'restore', 'created'];

/** A local date (yyyy-mm-dd) as the ISO instant of its midnight; `next` for the day after. */
function dayStart(date: string, next = false): string | undefined {
  if (!date) return undefined;
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y, m - 1, d + (next ? 1 : 0)).toISOString();
}

export function AuditDialog({ ctx, onClose }: { ctx: AppContext; onClose: () => void }) {
  const { t, lang, bridge, store } = ctx;
  const unit = store.meta?.unit ?? 'trieu';
  const locale = store.meta?.numberLocale ?? 'vi-VN';
  const [text, setText] = useState('');
  const [field, setField] = useState('');
  const [user, setUser] = useState('');
  const [kind, setKind] = useState<AuditKind | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [users, setUsers] = useState<string[]>([]);
  const [rows, setRows] = useState<AuditRow[]>([]);
  const [total, setTotal] = useState(0);

  const filter = useCallback((): AuditFilter => {
    const f: AuditFilter = {};
    if (text.trim()) f.text = text.trim();
    if (field) f.field = field;
    if (user) f.user = user;
    if (kind) f.kind = kind;
    const fromAt = dayStart(from);
    const toAt = dayStart(to, true);
    if (fromAt) f.fromAt = fromAt;
    if (toAt) f.toAt = toAt;
    return f;
  }, [text, field, user, kind, from, to]);

  const load = useCallback(
    async (offset: number) => {
      try {
        const res = await bridge.invoke('history/audit', { filter: filter(), offset, limit: PAGE });
        setRows((prev) => (offset === 0 ? res.rows : [...prev, ...res.rows]));
        setTotal(res.total);
      } catch (e) {
        ctx.showFailure(e);
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [bridge, filter],
  );

  useEffect(() => {
    const timer = setTimeout(() => void load(0), text ? 250 : 0);
    return () => clearTimeout(timer);
  }, [load, text]);

  useEffect(() => {
    bridge.invoke('history/auditUsers', {}).then((r) => setUsers(r.users), ctx.showFailure);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bridge]);

  const all = t('history.audit.filter.all');
  return (
    <Dialog id="pd-audit" title={t('history.audit.title')} onClose={onClose} wide closeLabel={t('common.close')}>
      <div className="pd-hist-filters" role="search">
        <label>
          {t('history.audit.filter.text')}
          <input name="text" value={text} onChange={(e) => setText(e.target.value)} data-autofocus />
        </label>
        <label>
          {t('history.audit.filter.field')}
          <select name="field" value={field} onChange={(e) => setField(e.target.value)}>
            <option value="">{all}</option>
            {store.columns.map((c) => (
              <option key={c.key} value={c.key}>
                {columnLabel(c.key, store.columns, lang)}
              </option>
            ))}
            {LINE_FIELDS.map((f) => (
              <option key={f} value={f}>
                {t(`history.field.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('history.audit.filter.user')}
          <select name="user" value={user} onChange={(e) => setUser(e.target.value)}>
            <option value="">{all}</option>
            {users.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('history.audit.filter.kind')}
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as AuditKind | '')}>
            <option value="">{all}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`history.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('history.audit.filter.from')}
          <input name="from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          {t('history.audit.filter.to')}
          <input name="to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
      </div>
      <p className="pd-hist-summary" role="status" data-testid="audit-count">
        {t('history.audit.count', { shown: rows.length.toLocaleString('vi-VN'), total: total.toLocaleString('vi-VN') })}
      </p>
      <div className="pd-hist-scroll">
        {rows.length === 0 ? (
          <p className="pd-hist-hint">{t('history.audit.empty')}</p>
        ) : (
          <table className="pd-hist-table" data-testid="audit-table">
            <thead>
              <tr>
                <th>{t('history.audit.col.at')}</th>
                <th>{t('history.audit.col.user')}</th>
                <th>{t('history.audit.col.action')}</th>
                <th>{t('history.audit.col.line')}</th>
                <th>{t('history.audit.col.field')}</th>
                <th>{t('history.audit.col.old')}</th>
                <th>{t('history.audit.col.new')}</th>
                <th>{t('history.audit.col.delta')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => {
                const first = i === 0 || rows[i - 1].stepId !== r.stepId;
                const delta = auditDelta(r, unit, locale);
                return (
                  <tr key={`${r.stepId}:${r.seq ?? ''}`} className={first ? 'pd-hist-step-start' : undefined} data-kind={r.kind}>
                    <td>{first ? formatTime(r.at, lang) : ''}</td>
                    <td title={r.host}>{first ? r.user : ''}</td>
                    <td>{first ? `${t(`history.kind.${r.kind}`)}: ${labelText(lang, r.label)}` : ''}</td>
                    <td title={r.lineName ?? ''}>{[r.lineCode, r.lineName].filter(Boolean).join(' ')}</td>
                    <td>{auditFieldLabel(r, store.columns, t, lang)}</td>
                    <td className={isAmountRow(r) ? 'pd-num' : undefined}>{auditValue(r, 'old', unit, locale)}</td>
                    <td className={isAmountRow(r) ? 'pd-num' : undefined}>{auditValue(r, 'new', unit, locale)}</td>
                    <td className={`pd-num${delta.negative ? ' pd-hist-neg' : ''}`}>{delta.text}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
      {rows.length < total && (
        <div className="pd-hist-actions">
          <button type="button" onClick={() => void load(rows.length)}>
            {t('history.audit.more')}
          </button>
        </div>
      )}
    </Dialog>
  );
}

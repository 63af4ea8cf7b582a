import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLIENT_KINDS, type AppPasswordView } from '../../../preload/contract/models.js';
import { errorMessage, formatDateTime } from '../../i18n/index.js';
import { site } from '../api.js';
import { useAction } from '../hooks.js';
import { useSite } from '../store.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { Notice } from './form.js';
import { Card, focusPageTitle } from './Layout.js';
import { Link } from './Link.js';

type Pending = { kind: 'one'; appPassword: AppPasswordView } | { kind: 'all' };

/**
 * View History: every active app-specific password, with Delete on each and Revoke All — and a
 * revoked one that an app still tries, saying which app, so the user knows where to paste a new one.
 */
export function HistoryPage() {
  const { t } = useTranslation();
  const appPasswords = useSite((s) => s.appPasswords);
  const loadAppPasswords = useSite((s) => s.loadAppPasswords);
  const refreshAccount = useSite((s) => s.refreshAccount);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, setError, run } = useAction();

  useEffect(() => {
    void loadAppPasswords().then((failed) => setLoadError(failed ? errorMessage(failed) : null));
  }, [loadAppPasswords]);

  function ask(next: Pending) {
    setError(null);
    setPending(next);
  }

  function confirm() {
    if (!pending) return;
    void run(async () => {
      if (pending.kind === 'one') {
        const { signedOutApps } = await site.revokeAppPassword({ appPasswordId: pending.appPassword.id });
        setDone(t('history.deleted', { label: pending.appPassword.label, apps: signedOutApps }));
      } else {
        const { revoked, signedOutApps } = await site.revokeAllAppPasswords({});
        setDone(t('history.revokedAll', { revoked, apps: signedOutApps }));
      }
      setPending(null);
      await loadAppPasswords();
      await refreshAccount();
      // The Delete button that opened the dialog went with its row: focus the page's heading.
      focusPageTitle();
    });
  }

  const active = (appPasswords ?? []).filter((p) => p.revokedAt === null);

  return (
    <Card title={t('history.title')} wide>
      <p className="card__lead">{t('history.intro')}</p>
      {done && <Notice>{done}</Notice>}
      {loadError && (
        <p role="alert" className="form-error">
          {loadError}
        </p>
      )}
      {appPasswords === null && !loadError && <p role="status">{t('common.loading')}</p>}
      {appPasswords !== null && active.length === 0 && <p className="empty">{t('history.empty')}</p>}
      {appPasswords !== null && appPasswords.some((p) => p.usedAfterRevocation !== null) && <p className="card__lead history__note">{t('history.stillTriedNote')}</p>}
      {appPasswords !== null && appPasswords.length > 0 && (
        <table className="history" aria-label={t('history.tableName')}>
          <thead>
            <tr>
              <th scope="col">{t('history.label')}</th>
              <th scope="col">{t('history.created')}</th>
              <th scope="col">{t('history.lastUsed')}</th>
              <th scope="col">{t('history.usedBy')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('history.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {appPasswords.map((p) => (
              <tr key={p.id} className={p.revokedAt === null ? undefined : 'history__revoked'}>
                <th scope="row">{p.label}</th>
                <td>{formatDateTime(p.createdAt)}</td>
                <td>{p.lastUsedAt === null ? t('history.never') : formatDateTime(p.lastUsedAt)}</td>
                <td>{usedBy(p.lastUsedBy, t)}</td>
                <td className="history__action">
                  {p.revokedAt === null ? (
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => ask({ kind: 'one', appPassword: p })}
                    >
                      {t('history.delete')}
                    </button>
                  ) : (
                    <>
                      <span>{t('history.revokedAt', { date: formatDateTime(p.revokedAt) })}</span>
                      {p.usedAfterRevocation && (
                        <span className="history__still-tried">
                          {t('history.usedAfterRevocation', {
                            client: usedBy(p.usedAfterRevocation.by, t),
                            date: formatDateTime(p.usedAfterRevocation.at),
                            count: p.usedAfterRevocation.times,
                          })}
                        </span>
                      )}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="form__actions form__actions--spread">
        <Link to="/account/security">{t('history.back')}</Link>
        {active.length > 0 && (
          <button type="button" className="button button--danger" onClick={() => ask({ kind: 'all' })}>
            {t('history.revokeAll')}
          </button>
        )}
      </div>
      {pending && (
        <ConfirmDialog
          title={pending.kind === 'one' ? t('history.confirmDeleteTitle', { label: pending.appPassword.label }) : t('history.confirmRevokeAllTitle')}
          confirmLabel={pending.kind === 'one' ? t('history.delete') : t('history.revokeAll')}
          busy={busy}
          error={error ? errorMessage(error) : null}
          onConfirm={confirm}
          onCancel={() => setPending(null)}
        >
          <p>{pending.kind === 'one' ? t('history.confirmDeleteBody') : t('history.confirmRevokeAllBody', { active: active.length })}</p>
        </ConfirmDialog>
      )}
    </Card>
  );
}

/** A simulated app by its translated name; a real mail client by the name it gave (or IMAP/SMTP). */
function usedBy(lastUsedBy: string | null, t: (key: string) => string): string {
  if (lastUsedBy === null) return '—';
  return (CLIENT_KINDS as readonly string[]).includes(lastUsedBy) ? t(`clients.${lastUsedBy}`) : lastUsedBy;
}

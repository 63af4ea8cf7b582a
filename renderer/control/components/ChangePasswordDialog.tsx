import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../preload/contract/error-codes.js';
import { errorMessage } from '../../i18n/index.js';
import { appApi } from '../../shared/app-api.js';
import { toPayload } from '../store.js';
import { Modal } from './Modal.js';

const DEMO_APPLE_ID = 'demo@twostep.example';

type Problem = { kind: 'mismatch' } | { kind: 'api'; payload: ErrorPayload };

/** Change Password…: the new password twice; the service decides whether it is acceptable. */
export function ChangePasswordDialog({ onDone, onCancel }: { onDone: (appleId: string, signedOutApps: number) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [appleId, setAppleId] = useState(DEMO_APPLE_ID);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const wrongField = (path: string) => problem?.kind === 'api' && (problem.payload.fields?.some((f) => f.path === path) ?? false);
  const appleIdWrong = wrongField('appleId') || (problem?.kind === 'api' && ['APPLE_ID_INVALID', 'ACCOUNT_NOT_FOUND'].includes(problem.payload.code));
  const passwordWrong = wrongField('newPassword') || (problem?.kind === 'api' && problem.payload.code === 'PASSWORD_TOO_SHORT');
  const confirmWrong = problem?.kind === 'mismatch';
  const errorId = `${id}-error`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (password !== confirm) {
      setProblem({ kind: 'mismatch' });
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const trimmed = appleId.trim();
      const { signedOutApps } = await appApi.runScenario({ event: 'change-password', appleId: trimmed, newPassword: password });
      onDone(trimmed, signedOutApps);
    } catch (caught) {
      setProblem({ kind: 'api', payload: toPayload(caught) });
      setBusy(false);
    }
  }

  const describedBy = (wrong: boolean, hint?: string) => [hint, wrong ? errorId : null].filter(Boolean).join(' ') || undefined;

  return (
    <Modal role="dialog" title={t('control.changePassword.title')} description={<p>{t('control.changePassword.intro')}</p>} onCancel={onCancel}>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <div className="form__row">
          <label htmlFor={`${id}-apple-id`}>{t('control.changePassword.appleId')}</label>
          <input
            id={`${id}-apple-id`}
            type="email"
            className="input"
            autoComplete="off"
            spellCheck={false}
            value={appleId}
            aria-invalid={appleIdWrong || undefined}
            aria-describedby={describedBy(appleIdWrong)}
            onChange={(event) => setAppleId(event.target.value)}
          />
        </div>
        <div className="form__row">
          <label htmlFor={`${id}-new`}>{t('control.changePassword.newPassword')}</label>
          <input
            id={`${id}-new`}
            type="password"
            className="input"
            autoComplete="new-password"
            data-autofocus
            value={password}
            aria-invalid={passwordWrong || undefined}
            aria-describedby={describedBy(passwordWrong, `${id}-hint`)}
            onChange={(event) => setPassword(event.target.value)}
          />
          <p id={`${id}-hint`} className="form__hint">
            {t('control.changePassword.hint')}
          </p>
        </div>
        <div className="form__row">
          <label htmlFor={`${id}-confirm`}>{t('control.changePassword.confirm')}</label>
          <input
            id={`${id}-confirm`}
            type="password"
            className="input"
            autoComplete="new-password"
            value={confirm}
            aria-invalid={confirmWrong || undefined}
            aria-describedby={describedBy(confirmWrong)}
            onChange={(event) => setConfirm(event.target.value)}
          />
        </div>
        {problem && (
          <p id={errorId} role="alert" className="form-error">
            {problem.kind === 'mismatch' ? t('control.changePassword.mismatch') : errorMessage(problem.payload)}
          </p>
        )}
        <div className="modal__actions">
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('control.changePassword.cancel')}
          </button>
          <button type="submit" className="button" aria-disabled={busy || undefined}>
            {t('control.changePassword.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

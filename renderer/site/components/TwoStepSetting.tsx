import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../preload/contract/models.js';
import { errorMessage } from '../../i18n/index.js';
import { site } from '../api.js';
import { useAction } from '../hooks.js';
import { useSite } from '../store.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { Notice } from './form.js';

/** Two-step verification on or off; turning it on shows the new recovery key once. */
export function TwoStepSetting({ account }: { account: AccountView }) {
  const { t } = useTranslation();
  const setAccount = useSite((s) => s.setAccount);
  const clearAppPasswords = useSite((s) => s.clearAppPasswords);
  const [confirmingOff, setConfirmingOff] = useState(false);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [revoked, setRevoked] = useState<number | null>(null);
  const { busy, error, setError, run } = useAction();
  const on = account.securityLevel !== 'none';

  function change(level: 'none' | 'two-step') {
    void run(async () => {
      const result = await site.setSecurityLevel({ level });
      setAccount(result.account);
      clearAppPasswords();
      setRecoveryKey(result.recoveryKey);
      setRevoked(level === 'none' ? result.revokedAppPasswords : null);
      setConfirmingOff(false);
    });
  }

  const status =
    account.securityLevel === 'two-factor' ? t('account.twoFactorOn') : on ? t('account.twoStepOn') : t('account.twoStepOff');

  return (
    <div className="settings__row">
      <h3 className="settings__label">{t('account.twoStep')}</h3>
      <div className="settings__value">
        <p>{status}</p>
        {on ? (
          <button type="button" className="link-button" onClick={() => (setError(null), setConfirmingOff(true))}>
            {t('account.turnOffTwoStep')}
          </button>
        ) : (
          <button type="button" className="link-button" onClick={() => change('two-step')}>
            {t('account.turnOnTwoStep')}
          </button>
        )}
        {error && !confirmingOff && (
          <p role="alert" className="form-error">
            {errorMessage(error)}
          </p>
        )}
        {revoked !== null && <Notice>{t('account.twoStepTurnedOff', { revoked })}</Notice>}
        {recoveryKey && (
          <div className="once-box" role="status">
            <p className="once-box__title">{t('account.recoveryKeyTitle')}</p>
            <p className="once-box__secret" lang="en">
              {recoveryKey}
            </p>
            <p>{t('account.recoveryKeyOnce')}</p>
            <button type="button" className="button" onClick={() => setRecoveryKey(null)}>
              {t('common.done')}
            </button>
          </div>
        )}
      </div>
      {confirmingOff && (
        <ConfirmDialog
          title={t('account.turnOffTitle')}
          confirmLabel={t('account.turnOff')}
          busy={busy}
          error={error ? errorMessage(error) : null}
          onConfirm={() => change('none')}
          onCancel={() => setConfirmingOff(false)}
        >
          <p>{t('account.turnOffBody')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../preload/contract/models.js';
import { errorMessage } from '../../i18n/index.js';
import { site } from '../api.js';
import { useAction } from '../hooks.js';
import { useSite } from '../store.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { Notice } from './form.js';
import { RecoveryKeyBox } from './RecoveryKeyBox.js';

/**
 * Two-step verification on or off. Either way the current password is asked for again (a
 * session alone changes no security setting); turning it on shows the new recovery key once.
 */
export function TwoStepSetting({ account }: { account: AccountView }) {
  const { t } = useTranslation();
  const setAccount = useSite((s) => s.setAccount);
  const clearAppPasswords = useSite((s) => s.clearAppPasswords);
  const [changingTo, setChangingTo] = useState<'none' | 'two-step' | null>(null);
  const [currentPassword, setCurrentPassword] = useState('');
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [revoked, setRevoked] = useState<number | null>(null);
  const { busy, error, setError, run } = useAction();
  const on = account.securityLevel !== 'none';

  function ask(level: 'none' | 'two-step') {
    setError(null);
    setCurrentPassword('');
    setChangingTo(level);
  }

  function change() {
    if (!changingTo) return;
    const level = changingTo;
    void run(async () => {
      const result = await site.setSecurityLevel({ level, currentPassword });
      setAccount(result.account);
      clearAppPasswords();
      setRecoveryKey(result.recoveryKey);
      setRevoked(level === 'none' ? result.revokedAppPasswords : null);
      setChangingTo(null);
      setCurrentPassword('');
    });
  }

  const status =
    account.securityLevel === 'two-factor' ? t('account.twoFactorOn') : on ? t('account.twoStepOn') : t('account.twoStepOff');

  return (
    <div className="settings__row">
      <h2 className="settings__label">{t('account.twoStep')}</h2>
      <div className="settings__value">
        <p>{status}</p>
        <button type="button" className="link-button" onClick={() => ask(on ? 'none' : 'two-step')}>
          {on ? t('account.turnOffTwoStep') : t('account.turnOnTwoStep')}
        </button>
        {revoked !== null && <Notice>{t('account.twoStepTurnedOff', { revoked })}</Notice>}
        {recoveryKey && <RecoveryKeyBox recoveryKey={recoveryKey} onDone={() => setRecoveryKey(null)} />}
      </div>
      {changingTo && (
        <ConfirmDialog
          title={changingTo === 'none' ? t('account.turnOffTitle') : t('account.turnOnTitle')}
          confirmLabel={changingTo === 'none' ? t('account.turnOff') : t('account.turnOn')}
          tone={changingTo === 'none' ? 'danger' : 'primary'}
          busy={busy}
          error={error ? errorMessage(error) : null}
          password={{ value: currentPassword, onValue: setCurrentPassword, invalid: error?.code === 'CURRENT_PASSWORD_INCORRECT' }}
          onConfirm={change}
          onCancel={() => setChangingTo(null)}
        >
          <p>{changingTo === 'none' ? t('account.turnOffBody') : t('account.turnOnBody')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

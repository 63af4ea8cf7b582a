import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../preload/contract/models.js';
import { errorMessage } from '../../i18n/index.js';
import { site } from '../api.js';
import { useAction } from '../hooks.js';
import { useSite } from '../store.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { RecoveryKeyBox } from './RecoveryKeyBox.js';

/** The Recovery Key row: "Replace Lost Key" makes a new key (shown once) and voids the old one. */
export function RecoveryKeySetting({ account }: { account: AccountView }) {
  const { t } = useTranslation();
  const refreshAccount = useSite((s) => s.refreshAccount);
  const [confirming, setConfirming] = useState(false);
  const [currentPassword, setCurrentPassword] = useState('');
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const { busy, error, setError, run } = useAction();

  if (account.securityLevel !== 'two-step') return null;

  function replace() {
    void run(async () => {
      const result = await site.replaceRecoveryKey({ currentPassword });
      setRecoveryKey(result.recoveryKey);
      setConfirming(false);
      setCurrentPassword('');
      await refreshAccount();
    });
  }

  return (
    <div className="settings__row">
      <h2 className="settings__label">{t('account.recoveryKey')}</h2>
      <div className="settings__value">
        <p>{account.hasRecoveryKey ? t('account.recoveryKeySet') : t('account.recoveryKeyNone')}</p>
        <button type="button" className="link-button" onClick={() => (setError(null), setCurrentPassword(''), setConfirming(true))}>
          {t('account.replaceLostKey')}
        </button>
        {recoveryKey && <RecoveryKeyBox recoveryKey={recoveryKey} onDone={() => setRecoveryKey(null)} />}
      </div>
      {confirming && (
        <ConfirmDialog
          title={t('account.replaceKeyTitle')}
          confirmLabel={t('account.replaceKey')}
          busy={busy}
          error={error ? errorMessage(error) : null}
          password={{ value: currentPassword, onValue: setCurrentPassword, invalid: error?.code === 'CURRENT_PASSWORD_INCORRECT' }}
          onConfirm={replace}
          onCancel={() => setConfirming(false)}
        >
          <p>{t('account.replaceKeyBody')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

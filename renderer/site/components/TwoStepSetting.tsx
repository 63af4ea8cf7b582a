import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SECURITY_LEVELS, type AccountView, type SecurityLevel } from '../../../preload/contract/models.js';
import { errorMessage } from '../../i18n/index.js';
import { site } from '../api.js';
import { useAction } from '../hooks.js';
import { useSite } from '../store.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { Notice } from './form.js';
import { RecoveryKeyBox } from './RecoveryKeyBox.js';

type Outcome = { level: SecurityLevel; revoked: number } | null;

/**
 * How the Apple ID is protected: off, 2015's two-step verification, or today's two-factor
 * authentication. Turn On / Turn Off keep the two-step switch of 2015; Change… moves between all
 * three. Every change asks for the current password again (a session alone changes no security
 * setting); moving to two-step shows the new recovery key once.
 */
export function TwoStepSetting({ account }: { account: AccountView }) {
  const { t } = useTranslation();
  const id = useId();
  const setAccount = useSite((s) => s.setAccount);
  const clearAppPasswords = useSite((s) => s.clearAppPasswords);
  const [changingTo, setChangingTo] = useState<SecurityLevel | null>(null);
  // Change… offers every level; Turn On / Turn Off ask only about theirs.
  const [choosing, setChoosing] = useState(false);
  const [currentPassword, setCurrentPassword] = useState('');
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const { busy, error, setError, run } = useAction();
  const level = account.securityLevel;
  const on = level !== 'none';

  function ask(to: SecurityLevel, choose: boolean) {
    setError(null);
    setCurrentPassword('');
    setChoosing(choose);
    setChangingTo(to);
  }

  function change() {
    if (!changingTo) return;
    const to = changingTo;
    void run(async () => {
      const result = await site.setSecurityLevel({ level: to, currentPassword });
      setAccount(result.account);
      clearAppPasswords();
      setRecoveryKey(result.recoveryKey);
      setOutcome({ level: to, revoked: result.revokedAppPasswords });
      setChangingTo(null);
      setCurrentPassword('');
    });
  }

  const status = level === 'two-factor' ? t('account.twoFactorOn') : on ? t('account.twoStepOn') : t('account.twoStepOff');
  const levelName = (l: SecurityLevel) => t(`twoFactor.account.levels.${l}`);

  return (
    <div className="settings__row">
      <h2 className="settings__label">{level === 'two-factor' ? levelName('two-factor') : t('account.twoStep')}</h2>
      <div className="settings__value">
        <p>{status}</p>
        {level !== 'two-factor' && (
          <button type="button" className="link-button" onClick={() => ask(on ? 'none' : 'two-step', false)}>
            {on ? t('account.turnOffTwoStep') : t('account.turnOnTwoStep')}
          </button>
        )}{' '}
        <button type="button" className="link-button" onClick={() => ask(level === 'two-factor' ? 'two-step' : 'two-factor', true)}>
          {t('twoFactor.account.change')}
        </button>
        {outcome &&
          (outcome.level === 'none' ? (
            <Notice>{t('account.twoStepTurnedOff', { revoked: outcome.revoked })}</Notice>
          ) : (
            <Notice>{t('twoFactor.account.changed', { level: levelName(outcome.level) })}</Notice>
          ))}
        {recoveryKey && <RecoveryKeyBox recoveryKey={recoveryKey} onDone={() => setRecoveryKey(null)} />}
      </div>
      {changingTo && (
        <ConfirmDialog
          title={choosing ? t('twoFactor.account.changeTitle') : changingTo === 'none' ? t('account.turnOffTitle') : t('account.turnOnTitle')}
          confirmLabel={choosing ? t('twoFactor.account.apply') : changingTo === 'none' ? t('account.turnOff') : t('account.turnOn')}
          tone={changingTo === 'none' ? 'danger' : 'primary'}
          busy={busy}
          error={error ? errorMessage(error) : null}
          password={{ value: currentPassword, onValue: setCurrentPassword, invalid: error?.code === 'CURRENT_PASSWORD_INCORRECT' }}
          onConfirm={change}
          onCancel={() => setChangingTo(null)}
        >
          {choosing ? (
            <fieldset className="level-choice">
              <legend>{t('twoFactor.account.choose')}</legend>
              {SECURITY_LEVELS.filter((l) => l !== level).map((l) => (
                <p key={l} className="level-choice__option">
                  <input id={`${id}-${l}`} type="radio" name="level" value={l} checked={changingTo === l} onChange={() => setChangingTo(l)} aria-describedby={`${id}-${l}-hint`} />
                  <label htmlFor={`${id}-${l}`}>{levelName(l)}</label>
                  <span id={`${id}-${l}-hint`} className="level-choice__hint">
                    {t(`twoFactor.account.hints.${l}`)}
                  </span>
                </p>
              ))}
            </fieldset>
          ) : (
            <p>{changingTo === 'none' ? t('account.turnOffBody') : t('account.turnOnBody')}</p>
          )}
        </ConfirmDialog>
      )}
    </div>
  );
}

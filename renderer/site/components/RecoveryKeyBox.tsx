import { useTranslation } from 'react-i18next';

/** A new recovery key, shown once, until the user says they have kept it. */
export function RecoveryKeyBox({ recoveryKey, onDone }: { recoveryKey: string; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="once-box" role="status">
      <p className="once-box__title">{t('account.recoveryKeyTitle')}</p>
      <p className="once-box__secret" lang="en">
        {recoveryKey}
      </p>
      <p>{t('account.recoveryKeyOnce')}</p>
      <button type="button" className="button" onClick={onDone}>
        {t('common.done')}
      </button>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { useMail } from '../store.js';

/**
 * The refusal as a third-party client of the time showed it: "the password is incorrect" and
 * the server's own response — no word of app-specific passwords. With the trainer's teaching
 * hint on, the explanation follows, marked as the trainer's note, not the app's.
 */
export function Refusal({ id }: { id: string }) {
  const { t } = useTranslation();
  const refusal = useMail((s) => s.refusal)!;
  const appleId = useMail((s) => s.appleId);
  const hint = useMail((s) => s.teachingHint);
  return (
    <div id={id} role="alert" className="mail-refusal">
      <p id={`${id}-title`} className="mail-refusal__title">{refusal.kind === 'unavailable' ? t('mailApp.unavailable') : t('mailApp.incorrect', { appleId })}</p>
      <p className="mail-refusal__server">{t('mailApp.serverSaid', { text: refusal.serverText })}</p>
      {hint && refusal.kind === 'incorrect' && (
        <aside className="mail-hint" aria-label={t('mailApp.hint.title')}>
          <p className="mail-hint__title">{t('mailApp.hint.title')}</p>
          <p>{t('mailApp.hint.text')}</p>
        </aside>
      )}
    </div>
  );
}

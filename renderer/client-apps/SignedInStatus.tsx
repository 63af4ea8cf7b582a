import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PushButton } from './mac/PushButton.js';
import { Spinner } from './mac/Spinner.js';
import { displayName } from '../shared/display-name.js';
import { useClient, useClientApp } from './context.js';

/**
 * The account a signed-in app uses: full name, "<Apple ID> — Enabled" (in the app's words),
 * and what it signed in with — for an app-specific password, its label. Sign Out ends it.
 */
export function SignedInStatus({ children, className }: { children?: ReactNode; className?: string }) {
  const { t } = useTranslation();
  const { store, keyPrefix } = useClientApp();
  const session = useClient((s) => s.session);
  const busy = useClient((s) => s.busy);
  const headingId = useId();
  if (!session) return null;
  return (
    <section className={`signed-in${className ? ` ${className}` : ''}`} aria-labelledby={headingId}>
      <h2 id={headingId} className="signed-in__heading">
        {t('clientApps.signedIn.heading')}
      </h2>
      <div role="status" className="signed-in__status">
        <p className="signed-in__name">{displayName(t, session)}</p>
        <p className="signed-in__account">{t(`${keyPrefix}.status`, { appleId: session.appleId })}</p>
        <p className="signed-in__with">
          {session.appPasswordLabel === null
            ? t('clientApps.signedIn.withPassword')
            : t('clientApps.signedIn.withAppPassword', { label: session.appPasswordLabel })}
        </p>
      </div>
      {children}
      <div className="signed-in__actions">
        <PushButton busy={busy} onClick={() => void store.getState().signOut()}>
          {t('clientApps.signOut')}
        </PushButton>
        <Spinner visible={busy} />
      </div>
    </section>
  );
}

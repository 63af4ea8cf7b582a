import { useTranslation } from 'react-i18next';
import { useClient, useClientApp } from './context.js';
import type { EndedNotice } from './session-notices.js';

/** Each notice: what the user reads first, then a short explanation where one helps. */
const MESSAGES: Record<EndedNotice, { key: string; detail?: string }> = {
  'app-password-revoked': { key: 'clientApps.ended.appPasswordRevoked' },
  'password-changed': { key: 'clientApps.ended.passwordChanged' },
  'security-changed': { key: 'clientApps.ended.securityChanged' },
  'software-update': { key: 'clientApps.ended.signInAgain', detail: 'clientApps.ended.softwareUpdate' },
  'sim-swap': { key: 'clientApps.ended.signInAgain', detail: 'clientApps.ended.simSwap' },
};

/** Why the window went back to the sign-in by itself (role="alert"); nothing for no visible cause. */
export function SessionEndedNotice() {
  const { t } = useTranslation();
  const { keyPrefix } = useClientApp();
  const notice = useClient((s) => s.notice);
  const kind = useClient((s) => s.clientKind);
  if (!notice) return null;
  const message = MESSAGES[notice];
  // iCloud never takes an app-specific password: its message leaves that out.
  const key = notice === 'password-changed' && kind === 'icloud' ? 'clientApps.ended.passwordChangedNoAppPassword' : message.key;
  return (
    <div role="alert" className="client-notice">
      <p className="client-notice__title">{t(key, { service: t(`${keyPrefix}.service`) })}</p>
      {message.detail && <p className="client-notice__detail">{t(message.detail)}</p>}
    </div>
  );
}

import { useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/index.js';
import { useModalFocus } from '../../shared/use-modal-focus.js';
import { icloud } from '../api.js';
import { useICloud } from '../store.js';
import { AppView } from './AppView.js';
import { ErrorText } from './ErrorText.js';
import { useCall } from './useCall.js';
import { displayName } from '../../shared/display-name.js';

/**
 * Settings: the account (managed at My Apple ID, which asks for a code every time), how it is
 * protected, this browser's session, and Sign Out of All Browsers.
 */
export function SettingsView() {
  const { t } = useTranslation();
  const id = useId();
  const home = useICloud((s) => s.home);
  const ended = useICloud((s) => s.ended);
  const [confirming, setConfirming] = useState(false);
  const { busy, error, run } = useCall();
  if (!home) return null;
  const security =
    home.securityLevel === 'two-step' ? 'twoStepOn' : home.securityLevel === 'two-factor' ? 'twoFactorOn' : 'noneOn';

  function signOutAll() {
    void run(async () => {
      await icloud.signOutAllBrowsers({});
      setConfirming(false);
      ended({ code: 'NOT_SIGNED_IN', messageKey: 'errors.NOT_SIGNED_IN' });
    });
  }

  return (
    <AppView title={t('places.icloudWeb.apps.settings')} className="icw-settings">
      <section className="icw-panel" aria-labelledby={`${id}-account`}>
        <h2 id={`${id}-account`} className="icw-panel__title">
          {t('places.icloudWeb.settings.account')}
        </h2>
        <dl className="icw-facts">
          <dt>{t('places.icloudWeb.settings.name')}</dt>
          <dd>{displayName(t, home)}</dd>
          <dt>{t('places.icloudWeb.settings.appleId')}</dt>
          <dd>{home.appleId}</dd>
        </dl>
        <a className="icw-link" href="/account" target="_blank" rel="noopener">
          {t('places.icloudWeb.settings.manage')}
        </a>
      </section>
      <section className="icw-panel" aria-labelledby={`${id}-security`}>
        <h2 id={`${id}-security`} className="icw-panel__title">
          {t('places.icloudWeb.settings.security')}
        </h2>
        <p>{t(`places.icloudWeb.settings.${security}`)}</p>
      </section>
      <section className="icw-panel" aria-labelledby={`${id}-browser`}>
        <h2 id={`${id}-browser`} className="icw-panel__title">
          {t('places.icloudWeb.settings.thisBrowser')}
        </h2>
        <p>{t('places.icloudWeb.settings.signedInAt', { date: formatDateTime(home.session.startedAt) })}</p>
        <p>
          {home.session.keepSignedIn
            ? t('places.icloudWeb.settings.keepOn', { date: formatDateTime(home.session.expiresAt) })
            : t('places.icloudWeb.settings.keepOff')}
        </p>
        <button type="button" className="icw-button" onClick={() => setConfirming(true)}>
          {t('places.icloudWeb.settings.signOutAll')}
        </button>
      </section>
      {confirming && <SignOutAllDialog busy={busy} error={error} onConfirm={signOutAll} onCancel={() => setConfirming(false)} errorId={`${id}-error`} />}
    </AppView>
  );
}

function SignOutAllDialog({ busy, error, onConfirm, onCancel, errorId }: { busy: boolean; error: Parameters<typeof ErrorText>[0]['error']; onConfirm: () => void; onCancel: () => void; errorId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const { layer, dialogRef, onKeyDown } = useModalFocus({ layerClassName: 'icw-dialog-layer', onEscape: onCancel, initialFocus: cancelRef });
  return createPortal(
    <div className="icw-dialog-backdrop">
      <div ref={dialogRef} className="icw-dialog" role="alertdialog" aria-modal="true" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`} onKeyDown={onKeyDown}>
        <h2 id={`${id}-title`} className="icw-dialog__title">
          {t('places.icloudWeb.settings.signOutAllTitle')}
        </h2>
        <p id={`${id}-body`}>{t('places.icloudWeb.settings.signOutAllBody')}</p>
        <ErrorText id={errorId} error={error} />
        <div className="icw-actions">
          <button ref={cancelRef} type="button" className="icw-button" onClick={onCancel}>
            {t('places.icloudWeb.cancel')}
          </button>
          <button type="button" className="icw-button icw-button--danger" aria-disabled={busy || undefined} onClick={() => !busy && onConfirm()}>
            {t('places.icloudWeb.settings.signOutAllConfirm')}
          </button>
        </div>
      </div>
    </div>,
    layer,
  );
}

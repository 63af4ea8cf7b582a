import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../preload/contract/error-codes.js';
import { errorMessage } from '../../i18n/index.js';
import { icloud } from '../api.js';
import { useICloud } from '../store.js';
import { CloudMark } from './CloudMark.js';
import { ErrorText } from './ErrorText.js';
import { useCall } from './useCall.js';

/** Errors that are about the password field (the Apple ID's own are about the first). */
const ABOUT_PASSWORD = new Set<ErrorPayload['code']>(['INCORRECT', 'LOCKED', 'HARD_LOCKED', 'ACCOUNT_DISABLED', 'TRY_AGAIN']);

/**
 * "Sign in to iCloud": the Apple ID and password (placeholders, as iCloud.com drew them, with
 * real labels for screen readers), and "Keep me signed in", which is carried through the code.
 */
export function SignIn() {
  const { t } = useTranslation();
  const id = useId();
  const notice = useICloud((s) => s.notice);
  const keepSignedIn = useICloud((s) => s.keepSignedIn);
  const setKeepSignedIn = useICloud((s) => s.setKeepSignedIn);
  const setChallenge = useICloud((s) => s.setChallenge);
  const signedIn = useICloud((s) => s.signedIn);
  const [appleId, setAppleId] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, run } = useCall();
  const errorId = `${id}-error`;
  const wrongPassword = error !== null && ABOUT_PASSWORD.has(error.code);
  const wrongAppleId = error?.code === 'APPLE_ID_INVALID';

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      const result = await icloud.signIn({ appleId, password, keepSignedIn });
      setPassword('');
      if (result.status === 'SIGNED_IN') signedIn(result);
      else setChallenge(result);
    });
  }

  return (
    <section className="icw-card icw-signin" aria-labelledby="icw-title">
      <CloudMark />
      <h1 id="icw-title" className="icw-card__title" tabIndex={-1}>
        {t('places.icloudWeb.signInTitle')}
      </h1>
      {notice && !error && (
        <p role="status" className="icw-notice">
          {notice === 'signed-out' ? t('places.icloudWeb.signedOutNotice') : errorMessage(notice)}
        </p>
      )}
      <form className="icw-form" onSubmit={submit} noValidate aria-busy={busy || undefined}>
        <div className="icw-fields">
          <label className="visually-hidden" htmlFor={`${id}-apple-id`}>
            {t('places.icloudWeb.appleId')}
          </label>
          <input
            id={`${id}-apple-id`}
            className="icw-fields__input"
            type="email"
            autoComplete="username"
            spellCheck={false}
            autoCapitalize="none"
            placeholder={t('places.icloudWeb.appleId')}
            value={appleId}
            onChange={(event) => setAppleId(event.target.value)}
            aria-invalid={wrongAppleId || undefined}
            aria-describedby={wrongAppleId ? errorId : undefined}
            disabled={busy}
          />
          <label className="visually-hidden" htmlFor={`${id}-password`}>
            {t('places.icloudWeb.password')}
          </label>
          <input
            id={`${id}-password`}
            className="icw-fields__input"
            type="password"
            autoComplete="current-password"
            placeholder={t('places.icloudWeb.password')}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={wrongPassword || undefined}
            aria-describedby={wrongPassword ? errorId : undefined}
            disabled={busy}
          />
        </div>
        <div className="icw-keep">
          <input
            id={`${id}-keep`}
            type="checkbox"
            checked={keepSignedIn}
            onChange={(event) => setKeepSignedIn(event.target.checked)}
            aria-describedby={`${id}-keep-help`}
            disabled={busy}
          />
          <label htmlFor={`${id}-keep`}>{t('places.icloudWeb.keepSignedIn')}</label>
          <p id={`${id}-keep-help`} className="icw-keep__help">
            {t('places.icloudWeb.keepSignedInHelp')}
          </p>
        </div>
        <ErrorText id={errorId} error={error} />
        <button type="submit" className="icw-button icw-button--primary" aria-disabled={busy || undefined}>
          {busy ? t('places.icloudWeb.signingIn') : t('places.icloudWeb.signIn')}
        </button>
      </form>
      <a className="icw-link" href="/unlock">
        {t('places.icloudWeb.forgot')}
      </a>
    </section>
  );
}

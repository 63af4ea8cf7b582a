import { useEffect, useId, useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../i18n/index.js';
import { PushButton } from '../../client-apps/mac/PushButton.js';
import { Spinner } from '../../client-apps/mac/Spinner.js';
import { TextField } from '../../client-apps/mac/TextField.js';
import { useMail } from '../store.js';
import { TernIcon } from '../TernIcon.js';
import { Refusal } from './Refusal.js';

/**
 * "Add Mail Account": Tern Mail knows nothing of two-step verification or app-specific
 * passwords. It signs in to the IMAP server like any client of 2015 and, refused, says only that
 * the password is incorrect (with the server's own words), never where to go instead.
 */
export function AccountSetup() {
  const { t } = useTranslation();
  const appleId = useMail((s) => s.appleId);
  const password = useMail((s) => s.password);
  const busy = useMail((s) => s.busy);
  const refusal = useMail((s) => s.refusal);
  const ended = useMail((s) => s.ended);
  const error = useMail((s) => s.error);
  const setField = useMail((s) => s.setField);
  const signIn = useMail((s) => s.signIn);
  const errorId = useId();
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (refusal) passwordRef.current?.focus();
  }, [refusal]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void signIn();
  };

  return (
    <section className="mail-panel mac-box" aria-labelledby="mail-add-account">
      <div className="mail-panel__head">
        <TernIcon />
        <div>
          <h2 id="mail-add-account" className="mail-panel__title">
            {t('mailApp.addAccount')}
          </h2>
          <p className="mail-panel__intro">{t('mailApp.intro')}</p>
        </div>
      </div>
      {ended && (
        <p role="alert" className="mail-notice">
          {t('mailApp.ended', { reason: ended })}
        </p>
      )}
      <form className="mail-form" onSubmit={submit} noValidate aria-busy={busy}>
        <TextField label={t('mailApp.emailAddress')} type="email" autoComplete="username" value={appleId} onValue={(v) => setField('appleId', v)} />
        <TextField
          label={t('mailApp.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onValue={(v) => setField('password', v)}
          invalid={refusal !== null}
          errorId={errorId}
          inputRef={passwordRef}
        />
        {(refusal || error) && (
          // Scrolls on its own when the teaching hint makes it long: Sign In stays in the window.
          <div className="mail-form__messages" tabIndex={0} role="group" aria-labelledby={`${errorId}-title`}>
            {refusal && <Refusal id={errorId} />}
            {error && (
              <p id={`${errorId}-title`} role="alert" className="form-error">
                {errorMessage(error)}
              </p>
            )}
          </div>
        )}
        <div className="mail-form__buttons">
          <Spinner visible={busy} />
          <PushButton type="submit" isDefault busy={busy} disabled={appleId.trim() === '' || password === ''}>
            {t('mailApp.signIn')}
          </PushButton>
        </div>
      </form>
    </section>
  );
}

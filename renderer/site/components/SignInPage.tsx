import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../i18n/index.js';
import { site } from '../api.js';
import { useAction } from '../hooks.js';
import { useSite } from '../store.js';
import { AppleIdField, type CodeFields, ErrorAlert, Field, resolveError, SubmitButton, useFormErrorId } from './form.js';
import { Card } from './Layout.js';
import { Link } from './Link.js';
import { VerifyIdentity } from './VerifyIdentity.js';

const CODE_FIELDS: CodeFields = { APPLE_ID_INVALID: 'appleId', INCORRECT: 'password', ACCOUNT_NOT_FOUND: 'appleId' };

/** "Manage your Apple ID": the password first; under two-step verification a code follows. */
export function SignInPage() {
  const challenge = useSite((s) => s.challenge);
  return challenge ? <VerifyIdentity challenge={challenge} /> : <SignInForm />;
}

function SignInForm() {
  const { t } = useTranslation();
  const notice = useSite((s) => s.notice);
  const returnTo = useSite((s) => s.returnTo);
  const setChallenge = useSite((s) => s.setChallenge);
  const signedIn = useSite((s) => s.signedIn);
  const [appleId, setAppleId] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, run } = useAction();
  const errorId = useFormErrorId();
  const formError = resolveError(error, CODE_FIELDS, t);

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      const result = await site.signIn({ appleId, password });
      setPassword('');
      if (result.status === 'SIGNED_IN') signedIn(result);
      else setChallenge(result);
    });
  }

  return (
    <Card title={t('signIn.title')} focusOnMount>
      <p className="card__lead">{returnTo ? t('signIn.returnHint') : t('signIn.intro')}</p>
      {notice && !error && (
        <p role="alert" className="form-error">
          {errorMessage(notice)}
        </p>
      )}
      <form className="form" onSubmit={submit} noValidate>
        <AppleIdField value={appleId} onValue={setAppleId} error={formError} errorId={errorId} />
        <Field
          name="password"
          label={t('signIn.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onValue={setPassword}
          error={formError}
          errorId={errorId}
        />
        <ErrorAlert id={errorId} error={formError} />
        <div className="form__actions">
          <SubmitButton busy={busy}>{t('signIn.submit')}</SubmitButton>
        </div>
      </form>
      <ul className="card__links">
        <li>
          <Link to="/unlock">{t('signIn.forgot')}</Link>
        </li>
        <li>
          <Link to="/unlock">{t('signIn.lockedOut')}</Link>
        </li>
      </ul>
    </Card>
  );
}

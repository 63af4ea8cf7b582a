import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PushButton } from './mac/PushButton.js';
import { Spinner } from './mac/Spinner.js';
import { TextField } from './mac/TextField.js';
import { useClient, useClientApp } from './context.js';
import { AccountSiteNotice } from './AccountSiteNotice.js';
import { FormAlert } from './FormAlert.js';
import { errorField } from './store.js';

interface SignInFormProps {
  /** Labels beside the fields (Messages, Mail) or placeholders only (FaceTime, iCloud). */
  labelStyle?: 'beside' | 'hidden';
  /** Links under the form (Forgot Apple ID or password?). */
  links?: ReactNode;
  className?: string;
}

/**
 * Apple ID, Password, Sign In — the same in every app. The fields are disabled while the call
 * runs (the spinner turns); an error marks its field; when the sheet asks for an
 * app-specific password, the password field is emptied and focused for the pasted one.
 */
export function SignInForm({ labelStyle = 'beside', links, className }: SignInFormProps) {
  const { t } = useTranslation();
  const { store } = useClientApp();
  const appleId = useClient((s) => s.appleId);
  const password = useClient((s) => s.password);
  const busy = useClient((s) => s.busy);
  const error = useClient((s) => s.error);
  const appPasswordRequired = useClient((s) => s.appPasswordRequired);
  const focusPassword = useClient((s) => s.focusPassword);
  const passwordRef = useRef<HTMLInputElement>(null);
  const errorId = `${useId()}-error`;
  const passwordWithCode = useClient((s) => s.passwordWithCode);
  const wrong = appPasswordRequired || passwordWithCode ? 'password' : errorField(error);
  const placeholders = labelStyle === 'hidden';

  // Once the call is over (a disabled field takes no focus), each request focuses it once.
  const focusedFor = useRef(0);
  useEffect(() => {
    if (busy || focusPassword === focusedFor.current) return;
    focusedFor.current = focusPassword;
    passwordRef.current?.focus();
  }, [focusPassword, busy]);

  function submit(event: FormEvent) {
    event.preventDefault();
    void store.getState().signIn();
  }

  return (
    <form className={`client-form${className ? ` ${className}` : ''}`} onSubmit={submit} aria-busy={busy || undefined} noValidate>
      <fieldset className="client-form__fields" disabled={busy}>
        <TextField
          label={t('clientApps.appleId')}
          labelStyle={labelStyle}
          placeholder={placeholders ? t('clientApps.appleId') : 'example@icloud.com'}
          type="email"
          autoComplete="username"
          spellCheck={false}
          autoCapitalize="none"
          value={appleId}
          onValue={(value) => store.getState().setField('appleId', value)}
          invalid={wrong === 'appleId'}
          errorId={errorId}
        />
        <TextField
          inputRef={passwordRef}
          label={t('clientApps.password')}
          labelStyle={labelStyle}
          placeholder={placeholders ? t('clientApps.password') : t('clientApps.required')}
          type="password"
          autoComplete="current-password"
          value={password}
          onValue={(value) => store.getState().setField('password', value)}
          invalid={wrong === 'password'}
          errorId={errorId}
        />
      </fieldset>
      <FormAlert id={errorId} />
      <AccountSiteNotice />
      <div className="client-form__actions">
        {links && <div className="client-form__links">{links}</div>}
        <Spinner visible={busy} />
        <PushButton type="submit" isDefault busy={busy}>
          {t('clientApps.signIn')}
        </PushButton>
      </div>
    </form>
  );
}

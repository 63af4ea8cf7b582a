import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodeSent, SignInChallenge } from '../../../preload/contract/account-site-types.js';
import type { TrustedDeviceView } from '../../../preload/contract/models.js';
import { errorMessage } from '../../i18n/index.js';
import { CodeField } from '../components/CodeField.js';
import { DevicePicker } from '../components/DevicePicker.js';
import { AppleIdField, type CodeFields, ErrorAlert, Field, Notice, resolveError, SubmitButton, useFormErrorId } from '../components/form.js';
import { Card, useFocusFirstFieldOn } from '../components/Layout.js';
import { support } from './api.js';
import { useSupport } from './store.js';
import { useSupportAction } from './use-support-action.js';
import { deviceName } from '../../shared/display-name.js';
import { chooseDeviceLead } from '../../shared/choose-device-lead.js';
import { codeStepLead, WEB_APPROVAL_WORDS, type CodeStepWords } from '../../shared/code-step-lead.js';
import { useSignInDecision } from '../../shared/use-sign-in-decision.js';

const CODE_FIELDS: CodeFields = {
  APPLE_ID_INVALID: 'appleId',
  INCORRECT: 'password',
  CODE_INCORRECT: 'code',
  CODE_EXPIRED: 'code',
  CODE_ATTEMPTS_EXCEEDED: 'code',
};

/** The code step's words: My Apple ID's, as support is a page of the same site. */
const CODE_STEP_WORDS: CodeStepWords = { enterCode: 'verify.enterCode', ...WEB_APPROVAL_WORDS };

/** "Verify your identity to continue": the Apple ID and password, then a trusted device and its code. */
export function SupportSignIn() {
  const challenge = useSupport((s) => s.challenge);
  return challenge ? <SupportCode challenge={challenge} /> : <SupportPassword />;
}

function SupportPassword() {
  const { t } = useTranslation();
  const notice = useSupport((s) => s.notice);
  const setChallenge = useSupport((s) => s.setChallenge);
  const verified = useSupport((s) => s.verified);
  const done = useSupport((s) => s.done);
  const [appleId, setAppleId] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, run } = useSupportAction();
  const errorId = useFormErrorId();
  const formError = resolveError(error, CODE_FIELDS, t);

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      const result = await support.signIn({ appleId, password });
      setPassword('');
      if (result.status === 'SIGNED_IN') verified(result);
      else setChallenge(result);
    });
  }

  return (
    <Card title={t('places.support.signInTitle')} focusOnMount>
      <p className="card__lead">{t('places.support.signInIntro')}</p>
      {notice && !error && (
        <p role="alert" className="form-error">
          {errorMessage(notice)}
        </p>
      )}
      <form className="form" onSubmit={submit} noValidate>
        <AppleIdField value={appleId} onValue={setAppleId} error={formError} errorId={errorId} />
        <Field name="password" label={t('signIn.password')} type="password" autoComplete="current-password" value={password} onValue={setPassword} error={formError} errorId={errorId} />
        <ErrorAlert id={errorId} error={formError} />
        <div className="form__actions">
          <button type="button" className="button" onClick={() => void done()}>
            {t('common.cancel')}
          </button>
          <SubmitButton busy={busy}>{t('signIn.submit')}</SubmitButton>
        </div>
      </form>
    </Card>
  );
}

function SupportCode({ challenge }: { challenge: SignInChallenge }) {
  const { t } = useTranslation();
  const setChallenge = useSupport((s) => s.setChallenge);
  const verified = useSupport((s) => s.verified);
  const [sent, setSent] = useState<CodeSent | null>(null);
  const [resent, setResent] = useState(false);
  const [code, setCode] = useState('');
  const { busy, error, setError, showError, run } = useSupportAction();
  const errorId = useFormErrorId();
  const formError = resolveError(error, CODE_FIELDS, t);
  const { verificationId } = challenge;
  const sentDevice = challenge.devices.find((d) => d.id === sent?.deviceId);
  const sentTo = deviceName(t, sentDevice?.maskedName ?? sent?.deviceName ?? '');
  // Two-factor, at the trusted iPhone: its owner is asked first; Don't Allow shows here at once,
  // beside the form as it would after Continue (or back at the password, where the attempt is gone).
  const decision = useSignInDecision({ ask: support.signInDecision, verificationId, waitFor: sent?.awaitsApproval ? sent : null, onRefused: showError });
  useFocusFirstFieldOn(`${sent ? 'code' : 'choose'}:${sent?.deviceId ?? ''}:${resent}`);

  function send(device: TrustedDeviceView, again: boolean) {
    void run(async () => {
      setSent(await support.sendCode({ verificationId, deviceId: device.id }));
      setResent(again);
      setCode('');
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => verified(await support.verifyCode({ verificationId, code })));
  }

  return (
    <Card title={t('verify.title')} focusOnMount>
      {!sent ? (
        <>
          <p className="card__lead">{chooseDeviceLead(t, challenge)}</p>
          <DevicePicker devices={challenge.devices} initial={null} busy={busy} errorId={errorId} onChoose={(d) => send(d, false)} />
          <ErrorAlert id={errorId} error={formError} />
        </>
      ) : (
        <form className="form" onSubmit={submit} noValidate>
          <p className="card__lead">{codeStepLead(t, CODE_STEP_WORDS, sent, decision, sentTo)}</p>
          {resent && !sent.awaitsApproval && <Notice>{t('verify.newCodeSent', { device: sentTo })}</Notice>}
          <CodeField name="code" label={t('verify.code')} length={sent.codeLength} value={code} onValue={setCode} error={formError} errorId={errorId} />
          <ErrorAlert id={errorId} error={formError} />
          <div className="form__actions">
            <SubmitButton busy={busy}>{t('common.continue')}</SubmitButton>
          </div>
          <div className="form__secondary">
            <button type="button" className="link-button" onClick={() => sentDevice && send(sentDevice, true)}>
              {t('verify.sendNew')}
            </button>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setError(null);
                setSent(null);
              }}
            >
              {t('verify.chooseAnother')}
            </button>
          </div>
        </form>
      )}
      <div className="form__secondary">
        <button type="button" className="link-button" onClick={() => setChallenge(null)}>
          {t('verify.startOver')}
        </button>
      </div>
    </Card>
  );
}

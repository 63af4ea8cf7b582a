import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignInChallenge } from '../../../preload/contract/account-site-types.js';
import type { ErrorPayload } from '../../../preload/contract/error-codes.js';
import type { ICloudWebOpened } from '../../../preload/contract/places-types.js';
import { icloud, icloudKey, icloudTrustKey } from '../api.js';
import { TrustBrowserChoices } from '../../shared/TrustBrowserChoices.js';
import { useICloud } from '../store.js';
import { CodeBoxes } from './CodeBoxes.js';
import { ErrorText } from './ErrorText.js';
import { useCall } from './useCall.js';
import { deviceName } from '../../shared/display-name.js';
import { chooseDeviceLead } from '../../shared/choose-device-lead.js';
import { codeStepLead, WEB_APPROVAL_WORDS, type CodeStepWords } from '../../shared/code-step-lead.js';
import { useSignInDecision } from '../../shared/use-sign-in-decision.js';

const ABOUT_CODE = new Set<ErrorPayload['code']>(['CODE_INCORRECT', 'CODE_EXPIRED', 'CODE_ATTEMPTS_EXCEEDED']);
/** After these the verification cannot go on: the user starts again with the password. */
const GONE = new Set<ErrorPayload['code']>(['VERIFICATION_NOT_FOUND', 'VERIFICATION_EXPIRED']);
/** The iPhone's question in My Apple ID's words: iCloud.com asks it from the same browser. */
const CODE_STEP_WORDS: CodeStepWords = { enterCode: 'places.icloudWeb.enterCode', ...WEB_APPROVAL_WORDS };

/**
 * "Verify your identity": a trusted device, then the code it received. "Keep me signed in" was
 * chosen with the password and goes with the code; the session opens when the code is right.
 */
export function Verify({ challenge }: { challenge: SignInChallenge }) {
  const { t } = useTranslation();
  const id = useId();
  const codeSent = useICloud((s) => s.codeSent);
  const setCodeSent = useICloud((s) => s.setCodeSent);
  const setChallenge = useICloud((s) => s.setChallenge);
  const keepSignedIn = useICloud((s) => s.keepSignedIn);
  const signedIn = useICloud((s) => s.signedIn);
  const failure = useICloud((s) => s.failure);
  // Two-factor authentication: the session is open, and "Trust this browser?" comes first.
  const [asking, setAsking] = useState<ICloudWebOpened | null>(null);
  const [step, setStep] = useState<'choose' | 'code'>('choose');
  const [selected, setSelected] = useState<number | null>(challenge.devices[0]?.id ?? null);
  const [code, setCode] = useState('');
  const [resent, setResent] = useState(false);
  const { busy, error, setError, run } = useCall();
  const errorId = `${id}-error`;
  const codeRef = useRef<HTMLDivElement>(null);
  const { verificationId } = challenge;
  const device = challenge.devices.find((d) => d.id === codeSent?.deviceId);
  const sentTo = deviceName(t, device?.maskedName ?? codeSent?.deviceName ?? '');
  // Two-factor, at the trusted iPhone: its owner is asked first; Don't Allow shows in the alert
  // below at once (and an attempt gone meanwhile goes back to the password, as after Verify).
  const decision = useSignInDecision({ ask: icloud.signInDecision, verificationId, waitFor: codeSent?.awaitsApproval ? codeSent : null, onRefused: setError });

  // Back to the password, saying why.
  useEffect(() => {
    if (error && GONE.has(error.code)) useICloud.setState({ challenge: null, codeSent: null, notice: error });
  }, [error]);

  // Each new step (or a code sent again) puts the keyboard on its field.
  useEffect(() => {
    const field = step === 'code' ? codeRef.current?.querySelector('input') : document.querySelector<HTMLInputElement>('.icw-devices input:checked');
    field?.focus();
  }, [step, codeSent]);

  function send(deviceId: number, again: boolean) {
    void run(async () => {
      setCodeSent(await icloud.sendCode({ verificationId, deviceId }));
      setResent(again);
      setCode('');
      setStep('code');
    });
  }

  function choose(event: FormEvent) {
    event.preventDefault();
    if (selected !== null) send(selected, false);
  }

  function verify(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      const { askTrust, ...opened } = await icloud.verifyCode({ verificationId, code, keepSignedIn });
      if (!askTrust) return signedIn(opened);
      // The answer is a call of the session just opened: its key must go with it.
      icloudKey.set(opened.sessionKey);
      setAsking(opened);
    });
  }

  if (asking) {
    return (
      <section className="icw-card icw-verify" aria-labelledby="icw-title">
        <h1 id="icw-title" className="icw-card__title" tabIndex={-1}>
          {t('trustedBrowsers.prompt.title')}
        </h1>
        <TrustBrowserChoices
          decide={(decision) => icloud.decideTrust({ verificationId, decision })}
          keepKey={(key) => icloudTrustKey.set(key)}
          done={() => signedIn(asking)}
          failure={failure}
          buttonClass="icw-button"
          primaryClass="icw-button--primary"
        />
      </section>
    );
  }

  return (
    <section className="icw-card icw-verify" aria-labelledby="icw-title">
      <h1 id="icw-title" className="icw-card__title" tabIndex={-1}>
        {t('places.icloudWeb.verifyTitle')}
      </h1>
      {step === 'choose' ? (
        <form className="icw-form" onSubmit={choose} aria-describedby={`${id}-lead`} aria-busy={busy || undefined}>
          <p id={`${id}-lead`} className="icw-card__lead">
            {chooseDeviceLead(t, challenge)}
          </p>
          <fieldset className="icw-devices" disabled={busy}>
            <legend className="visually-hidden">{t('places.icloudWeb.devices')}</legend>
            {challenge.devices.map((d) => (
              <label key={d.id} className="icw-devices__option">
                <input type="radio" name="device" value={d.id} checked={selected === d.id} onChange={() => setSelected(d.id)} />
                <span className="icw-devices__name">{deviceName(t, d.maskedName)}</span>
                <span className="icw-devices__via">{d.kind === 'iphone' ? t('places.icloudWeb.viaFindMyIphone') : t('places.icloudWeb.viaSms')}</span>
              </label>
            ))}
          </fieldset>
          <ErrorText id={errorId} error={error} />
          <div className="icw-actions">
            <button type="button" className="icw-button" onClick={() => setChallenge(null)}>
              {t('places.icloudWeb.cancel')}
            </button>
            <button type="submit" className="icw-button icw-button--primary" aria-disabled={busy || undefined}>
              {t('places.icloudWeb.send')}
            </button>
          </div>
        </form>
      ) : (
        <form className="icw-form" onSubmit={verify} noValidate aria-busy={busy || undefined}>
          {codeSent && <p className="icw-card__lead">{codeStepLead(t, CODE_STEP_WORDS, codeSent, decision, sentTo)}</p>}
          {resent && codeSent && !codeSent.awaitsApproval && (
            <p role="status" className="icw-notice">
              {t('places.icloudWeb.newCodeSent', { device: sentTo })}
            </p>
          )}
          <div ref={codeRef}>
            <CodeBoxes
              label={t('places.icloudWeb.code')}
              length={codeSent?.codeLength ?? challenge.codeLength}
              value={code}
              onValue={setCode}
              invalid={error !== null && ABOUT_CODE.has(error.code)}
              errorId={errorId}
              disabled={busy}
            />
          </div>
          <ErrorText id={errorId} error={error} />
          <div className="icw-actions">
            <button type="button" className="icw-button" onClick={() => setChallenge(null)}>
              {t('places.icloudWeb.cancel')}
            </button>
            <button type="submit" className="icw-button icw-button--primary" aria-disabled={busy || undefined}>
              {t('places.icloudWeb.verify')}
            </button>
          </div>
          <div className="icw-secondary">
            <button type="button" className="icw-link-button" onClick={() => codeSent?.deviceId && send(codeSent.deviceId, true)}>
              {t('places.icloudWeb.sendNew')}
            </button>
            <button
              type="button"
              className="icw-link-button"
              onClick={() => {
                setError(null);
                setStep('choose');
              }}
            >
              {t('places.icloudWeb.chooseAnother')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

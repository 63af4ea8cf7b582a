import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodeSent, SignInChallenge } from '../../../preload/contract/account-site-types.js';
import type { TrustedDeviceView } from '../../../preload/contract/models.js';
import type { SessionOpened } from '../../../preload/contract/account-site-types.js';
import { sessionKey, site, siteTrustKey } from '../api.js';
import { TrustBrowserChoices } from '../../shared/TrustBrowserChoices.js';
import { useAction } from '../hooks.js';
import { useSite } from '../store.js';
import { DevicePicker } from './DevicePicker.js';
import { ErrorAlert, Field, Notice, resolveError, SubmitButton, useFormErrorId, type CodeFields } from './form.js';
import { CodeField } from './CodeField.js';
import { deviceName } from '../../shared/display-name.js';
import { Card, useFocusFirstFieldOn } from './Layout.js';
import { chooseDeviceLead } from '../../shared/choose-device-lead.js';
import { codeStepLead, WEB_APPROVAL_WORDS, type CodeStepWords } from '../../shared/code-step-lead.js';
import { useSignInDecision } from '../../shared/use-sign-in-decision.js';

const CODE_FIELDS: CodeFields = {
  CODE_INCORRECT: 'code',
  CODE_EXPIRED: 'code',
  CODE_ATTEMPTS_EXCEEDED: 'code',
  RECOVERY_KEY_INCORRECT: 'recoveryKey',
};

type Step = 'choose' | 'code' | 'recovery';

const CODE_STEP_WORDS: CodeStepWords = { enterCode: 'verify.enterCode', ...WEB_APPROVAL_WORDS };

/** "Verify your identity": choose a trusted device, type the code it received (or the recovery key). */
export function VerifyIdentity({ challenge }: { challenge: SignInChallenge }) {
  const { t } = useTranslation();
  const signedIn = useSite((s) => s.signedIn);
  const failure = useSite((s) => s.failure);
  // Two-factor authentication: the session is open, and "Trust this browser?" comes first.
  const [asking, setAsking] = useState<SessionOpened | null>(null);
  const setChallenge = useSite((s) => s.setChallenge);
  const [step, setStep] = useState<Step>('choose');
  const [sent, setSent] = useState<CodeSent | null>(null);
  const [resent, setResent] = useState(false);
  const [code, setCode] = useState('');
  const [recoveryKey, setRecoveryKey] = useState('');
  const { busy, error, setError, run } = useAction();
  const errorId = useFormErrorId();
  const formError = resolveError(error, CODE_FIELDS, t);
  const { verificationId } = challenge;

  function go(next: Step) {
    setError(null);
    setStep(next);
  }

  function send(device: TrustedDeviceView, again: boolean) {
    void run(async () => {
      setSent(await site.sendCode({ verificationId, deviceId: device.id }));
      setResent(again);
      setCode('');
      setStep('code');
    });
  }

  function submitCode(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      const { askTrust, ...opened } = await site.verifyCode({ verificationId, code });
      if (!askTrust) return signedIn(opened);
      // The answer is a call of the session just opened: its key must go with it.
      sessionKey.set(opened.sessionKey);
      setAsking(opened);
    });
  }

  function submitRecoveryKey(event: FormEvent) {
    event.preventDefault();
    void run(async () => signedIn(await site.verifyRecoveryKey({ verificationId, recoveryKey })));
  }

  const sentDevice = challenge.devices.find((d) => d.id === sent?.deviceId);
  // Two-factor, at the trusted iPhone: its owner is asked first; Don't Allow shows here at once.
  const decision = useSignInDecision({ ask: site.signInDecision, verificationId, waitFor: sent?.awaitsApproval ? sent : null, onRefused: setError });
  const sentTo = deviceName(t, sentDevice?.maskedName ?? sent?.deviceName ?? '');
  // A new code sent again keeps the step: the field is focused for the new code all the same.
  useFocusFirstFieldOn(`${step}:${sent?.deviceId ?? ''}:${resent}`);

  if (asking) {
    return (
      <Card title={t('trustedBrowsers.prompt.title')}>
        <TrustBrowserChoices
          decide={(decision) => site.decideTrust({ verificationId, decision })}
          keepKey={(key) => siteTrustKey.set(key)}
          done={() => signedIn(asking)}
          failure={failure}
          buttonClass="button"
          primaryClass="button--primary"
        />
      </Card>
    );
  }

  return (
    <Card title={t('verify.title')} focusOnMount>
      {step === 'choose' && (
        <>
          <p className="card__lead">{chooseDeviceLead(t, challenge)}</p>
          <DevicePicker devices={challenge.devices} initial={sent?.deviceId ?? null} busy={busy} errorId={errorId} onChoose={(d) => send(d, false)} />
        </>
      )}

      {step === 'code' && sent && (
        <form className="form" onSubmit={submitCode} noValidate>
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
            <button type="button" className="link-button" onClick={() => go('choose')}>
              {t('verify.chooseAnother')}
            </button>
          </div>
        </form>
      )}

      {step === 'recovery' && (
        <form className="form" onSubmit={submitRecoveryKey} noValidate>
          <p className="card__lead">{t('verify.recoveryIntro')}</p>
          <Field
            name="recoveryKey"
            label={t('verify.recoveryKey')}
            className="field--mono"
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="characters"
            value={recoveryKey}
            onValue={setRecoveryKey}
            error={formError}
            errorId={errorId}
          />
          <ErrorAlert id={errorId} error={formError} />
          <div className="form__actions">
            <SubmitButton busy={busy}>{t('common.continue')}</SubmitButton>
          </div>
          <div className="form__secondary">
            <button type="button" className="link-button" onClick={() => go('choose')}>
              {t('verify.useDevice')}
            </button>
          </div>
        </form>
      )}

      {step === 'choose' && <ErrorAlert id={errorId} error={formError} />}

      <div className="form__secondary">
        {step !== 'recovery' && challenge.recoveryKeyAccepted && (
          <button type="button" className="link-button" onClick={() => go('recovery')}>
            {t('verify.lostAccess')}
          </button>
        )}
        <button type="button" className="link-button" onClick={() => setChallenge(null)}>
          {t('verify.startOver')}
        </button>
      </div>
    </Card>
  );
}

import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../preload/contract/error-codes.js';
import { LinkButton } from '../../client-apps/mac/PushButton.js';
import { TextField } from '../../client-apps/mac/TextField.js';
import { errorMessage } from '../../i18n/index.js';
import { useAppStore, useAppStoreApi, type StoreSheet as Sheet } from '../store.js';
import { StoreSheet } from './StoreSheet.js';
import { deviceName } from '../../shared/display-name.js';
import { appApi } from '../../shared/app-api.js';
import { chooseDeviceLead } from '../../shared/choose-device-lead.js';
import { codeStepLead, WEB_APPROVAL_WORDS, type CodeStepWords } from '../../shared/code-step-lead.js';
import { useSignInDecision } from '../../shared/use-sign-in-decision.js';

const ABOUT_PASSWORD = new Set<ErrorPayload['code']>(['INCORRECT', 'LOCKED', 'HARD_LOCKED', 'ACCOUNT_DISABLED', 'TRY_AGAIN']);
const ABOUT_CODE = new Set<ErrorPayload['code']>(['CODE_INCORRECT', 'CODE_EXPIRED', 'CODE_ATTEMPTS_EXCEEDED']);
/** The sheet's words: the iPhone asks about "this Mac", as it names the App Store's sign-in. */
const CODE_STEP_WORDS: CodeStepWords = {
  enterCode: 'places.appStore.verifySheet.enterCode',
  askAllow: 'places.appStore.verifySheet.askAllow',
  allowed: 'places.appStore.verifySheet.allowed',
  // The request's end reads as on the web pages: no Mac to name any more.
  refused: WEB_APPROVAL_WORDS.refused,
};

function SheetError({ id, error }: { id: string; error: ErrorPayload | null }) {
  return error ? (
    <p id={id} role="alert" className="client-alert">
      {errorMessage(error)}
    </p>
  ) : null;
}

/** Whichever sheet is up, if any. */
export function Sheets() {
  const sheet = useAppStore((s) => s.sheet);
  if (!sheet) return null;
  if (sheet.kind === 'sign-in') return <SignInSheet />;
  if (sheet.kind === 'choose-device') return <ChooseDeviceSheet sheet={sheet} />;
  return <EnterCodeSheet sheet={sheet} />;
}

/** "Sign in to download from the App Store." — the Apple ID and its password. */
function SignInSheet() {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const appleId = useAppStore((s) => s.appleId);
  const password = useAppStore((s) => s.password);
  const busy = useAppStore((s) => s.busy);
  const error = useAppStore((s) => s.error);
  const errorId = `${useId()}-error`;
  return (
    <StoreSheet
      title={t('places.appStore.signInSheet.title')}
      text={t('places.appStore.signInSheet.text')}
      cancelLabel={t('places.appStore.signInSheet.cancel')}
      defaultLabel={t('places.appStore.signInSheet.signIn')}
      onCancel={() => store.getState().cancelSheet()}
      onSubmit={() => void store.getState().signIn()}
      busy={busy}
    >
      <fieldset className="client-form__fields store-sheet__fields" disabled={busy}>
        <TextField
          label={t('places.appStore.signInSheet.appleId')}
          type="email"
          autoComplete="username"
          spellCheck={false}
          autoCapitalize="none"
          value={appleId}
          onValue={(value) => store.getState().setField('appleId', value)}
          invalid={error?.code === 'APPLE_ID_INVALID'}
          errorId={errorId}
        />
        <TextField
          label={t('places.appStore.signInSheet.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onValue={(value) => store.getState().setField('password', value)}
          invalid={error !== null && ABOUT_PASSWORD.has(error.code)}
          errorId={errorId}
        />
      </fieldset>
      <SheetError id={errorId} error={error} />
    </StoreSheet>
  );
}

/** "Verify Your Identity": a trusted device to receive the code. */
function ChooseDeviceSheet({ sheet }: { sheet: Extract<Sheet, { kind: 'choose-device' }> }) {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const busy = useAppStore((s) => s.busy);
  const error = useAppStore((s) => s.error);
  const id = useId();
  const [selected, setSelected] = useState<number | null>(sheet.challenge.devices[0]?.id ?? null);
  return (
    <StoreSheet
      title={t('places.appStore.verifySheet.title')}
      text={chooseDeviceLead(t, sheet.challenge)}
      cancelLabel={t('places.appStore.verifySheet.cancel')}
      defaultLabel={t('places.appStore.verifySheet.send')}
      onCancel={() => store.getState().cancelSheet()}
      onSubmit={() => selected !== null && void store.getState().sendCode(selected)}
      busy={busy}
    >
      <fieldset className="icloud-devices store-devices" disabled={busy}>
        <legend className="visually-hidden">{t('places.appStore.verifySheet.devices')}</legend>
        {sheet.challenge.devices.map((device) => (
          <div key={device.id} className="icloud-devices__option">
            <input
              type="radio"
              id={`${id}-device-${device.id}`}
              name="device"
              value={device.id}
              checked={selected === device.id}
              onChange={() => setSelected(device.id)}
            />
            <label htmlFor={`${id}-device-${device.id}`}>{deviceName(t, device.maskedName)}</label>
          </div>
        ))}
      </fieldset>
      <SheetError id={`${id}-error`} error={error} />
    </StoreSheet>
  );
}

/** "Enter Verification Code": the code from the trusted device. */
function EnterCodeSheet({ sheet }: { sheet: Extract<Sheet, { kind: 'enter-code' }> }) {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const code = useAppStore((s) => s.code);
  const busy = useAppStore((s) => s.busy);
  const error = useAppStore((s) => s.error);
  const errorId = `${useId()}-error`;
  const device = deviceName(t, sheet.challenge.devices.find((d) => d.id === sheet.codeSent.deviceId)?.maskedName ?? sheet.codeSent.deviceName);
  // Two-factor, at the trusted iPhone: its owner is asked first; Don't Allow shows in the sheet at once.
  const decision = useSignInDecision({
    ask: appApi.appStoreSignInDecision,
    verificationId: sheet.challenge.verificationId,
    waitFor: sheet.codeSent.awaitsApproval ? sheet.codeSent : null,
    onRefused: (error) => store.getState().refused(error),
  });
  return (
    <StoreSheet
      title={t('places.appStore.verifySheet.enterTitle')}
      text={codeStepLead(t, CODE_STEP_WORDS, sheet.codeSent, decision, device)}
      cancelLabel={t('places.appStore.verifySheet.cancel')}
      defaultLabel={t('places.appStore.verifySheet.verify')}
      onCancel={() => store.getState().cancelSheet()}
      onSubmit={() => void store.getState().verify()}
      busy={busy}
      extra={<LinkButton onClick={() => store.getState().chooseAnotherDevice()}>{t('places.appStore.verifySheet.noCode')}</LinkButton>}
    >
      <fieldset className="client-form__fields store-sheet__fields" disabled={busy}>
        <TextField
          label={t('places.appStore.verifySheet.code')}
          className="store-code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={sheet.codeSent.codeLength + 2}
          value={code}
          onValue={(value) => store.getState().setField('code', value)}
          invalid={error !== null && ABOUT_CODE.has(error.code)}
          errorId={errorId}
        />
      </fieldset>
      <SheetError id={errorId} error={error} />
    </StoreSheet>
  );
}

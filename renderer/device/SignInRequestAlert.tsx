import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../preload/contract/error-codes.js';
import type { DeviceNotification } from '../../preload/contract/models.js';
import { errorMessage } from '../i18n/index.js';
import { ApiError } from '../shared/http-client.js';
import { useBusyAction } from '../shared/use-busy-action.js';
import { appApi } from '../shared/app-api.js';
import { JapanMap } from './JapanMap.js';

/**
 * On the stage the iPhone shares one page with the Mac: an alert arriving on the iPhone must not
 * pull the keyboard out of a field or sheet on the Mac, as a real phone cannot. It takes the
 * focus only when nothing else holds it (the iPhone's own window) or the focus is already on the iPhone.
 */
function focusUnlessBusyElsewhere(target: HTMLElement | null): void {
  if (!target) return;
  const active = document.activeElement;
  const elsewhere = active !== null && active !== document.body && !target.closest('.iphone')?.contains(active);
  if (!elsewhere) target.focus();
}

const asPayload = (caught: unknown): ErrorPayload | null => (caught instanceof ApiError ? caught.payload : { code: 'INTERNAL', messageKey: 'errors.INTERNAL' });

/**
 * "Apple ID Sign In Requested" (two-factor authentication): where the sign-in happens, on a small
 * map, and Don't Allow / Allow. Main decides; the alert goes once the answer comes back as the
 * request again (answered), or when the attempt ends. The first button takes the focus, as an
 * iOS alert's buttons are the only thing to act on (unless the user is busy on the Mac beside
 * it); Tab moves between them.
 */
export function SignInRequestAlert({ request }: { request: DeviceNotification }) {
  const { t } = useTranslation();
  const id = useId();
  const first = useRef<HTMLButtonElement>(null);
  const { busy, error, run } = useBusyAction(asPayload);
  useEffect(() => focusUnlessBusyElsewhere(first.current), [request.id]);

  const answer = (allow: boolean) => void run(async () => void (await appApi.answerSignInRequest({ requestId: request.id, allow })));
  const place = request.request?.place ?? 'web-browser';

  return (
    <div className="ios-alert-backdrop">
      <div className="ios-alert" role="alertdialog" aria-modal="true" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`}>
        <h2 className="ios-alert__title" id={`${id}-title`}>
          {t('twoFactor.request.title')}
        </h2>
        <div id={`${id}-body`} className="ios-alert__body">
          <p>{t('twoFactor.request.body', { appleId: request.appleId })}</p>
          <JapanMap label={t('twoFactor.request.map')} />
          <p className="ios-alert__place">
            <strong>{t(`twoFactor.request.places.${place}`)}</strong>
            <br />
            {t('twoFactor.request.near')}
          </p>
        </div>
        {error && (
          <p className="ios-alert__error" role="alert">
            {errorMessage(error)}
          </p>
        )}
        <div className="ios-alert__buttons">
          <button ref={first} type="button" className="ios-alert__button" disabled={busy} onClick={() => answer(false)}>
            {t('twoFactor.request.deny')}
          </button>
          <button type="button" className="ios-alert__button ios-alert__button--default" disabled={busy} onClick={() => answer(true)}>
            {t('twoFactor.request.allow')}
          </button>
        </div>
      </div>
    </div>
  );
}

/** After Allow: "Apple ID Verification Code", the code to type where the sign-in happens, and OK. */
export function VerificationCodeAlert({ notification, onDone }: { notification: DeviceNotification; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const ok = useRef<HTMLButtonElement>(null);
  useEffect(() => focusUnlessBusyElsewhere(ok.current), [notification.id]);
  return (
    <div className="ios-alert-backdrop">
      <div className="ios-alert" role="alertdialog" aria-modal="true" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`}>
        <h2 className="ios-alert__title" id={`${id}-title`}>
          {t('twoFactor.code.title')}
        </h2>
        <div id={`${id}-body`} className="ios-alert__body">
          <p className="ios-alert__code">{notification.code}</p>
          <p>{t('twoFactor.code.body')}</p>
        </div>
        <div className="ios-alert__buttons ios-alert__buttons--one">
          <button ref={ok} type="button" className="ios-alert__button ios-alert__button--default" onClick={onDone}>
            {t('twoFactor.code.ok')}
          </button>
        </div>
      </div>
    </div>
  );
}

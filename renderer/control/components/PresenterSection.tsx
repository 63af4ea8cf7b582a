import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../preload/contract/error-codes.js';
import { errorMessage, formatTime } from '../../i18n/index.js';
import { appApi } from '../../shared/app-api.js';
import { isPresenterState, presenterNow, presenterStore, receivePresenterState, usePresenter } from '../../shared/presenter.js';
import { toPayload } from '../store.js';

/** Minutes the button skips: a verification code's whole life. */
const SKIP_MINUTES = 10;

/**
 * The presenter's tools: Large type for every page of both origins (a projector's setting),
 * the presenter clock (skip ten minutes to show a code expiring; shown as time skipped, and
 * undone only by Reset & restart), and whatever the page adds (the stage's large code).
 */
export function PresenterSection({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const skippedMs = usePresenter((s) => s?.skippedMs ?? 0);
  const largeType = usePresenter((s) => s?.largeType ?? false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const minutes = Math.round(skippedMs / 60_000);
  const id = useId();

  async function setLargeType(on: boolean) {
    setError(null);
    // At once on this page (the switch follows the press); TwoStep then tells every page.
    const before = presenterStore.getState().state;
    if (before) receivePresenterState({ ...before, largeType: on });
    try {
      const state = await appApi.setLargeType({ on });
      if (isPresenterState(state)) receivePresenterState(state);
    } catch (caught) {
      const now = presenterStore.getState().state;
      if (now) receivePresenterState({ ...now, largeType: !on });
      setError(toPayload(caught));
    }
  }

  async function skip() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const state = await appApi.skipClock({ minutes: SKIP_MINUTES });
      if (isPresenterState(state)) receivePresenterState(state);
    } catch (caught) {
      setError(toPayload(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel presenter" aria-labelledby="presenter-heading">
      <h2 id="presenter-heading" className="panel__title">
        {t('control.presenter.heading')}
      </h2>
      <div className="presenter__tools">
        <p className="presenter__tool">
          <input id={`${id}-type`} type="checkbox" checked={largeType} onChange={(e) => void setLargeType(e.target.checked)} aria-describedby={`${id}-type-help`} />
          <label htmlFor={`${id}-type`}>{t('stage.largeType')}</label>
        </p>
        <p id={`${id}-type-help`} className="scenario__help">
          {t('stage.largeTypeHelp')}
        </p>
        {children}
      </div>
      <div className="presenter__clock">
        <p role="status" className="presenter__clock-state">
          {minutes === 0
            ? t('control.presenter.realTime')
            : t('control.presenter.skipped', { minutes, time: formatTime(presenterNow()) })}
        </p>
        <button type="button" className="button" aria-describedby="presenter-skip-help" aria-disabled={busy || undefined} onClick={() => void skip()}>
          {t('control.presenter.skip', { minutes: SKIP_MINUTES })}
        </button>
        <p id="presenter-skip-help" className="scenario__help">
          {t('control.presenter.skipHelp')}
        </p>
      </div>
      {error && (
        <p role="alert" className="form-error">
          {errorMessage(error)}
        </p>
      )}
    </section>
  );
}

import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../preload/contract/error-codes.js';
import { errorMessage, formatAhead, formatDateTime, formatTime } from '../../i18n/index.js';
import { appApi } from '../../shared/app-api.js';
import { isPresenterState, presenterNow, presenterStore, receivePresenterState, usePresenter } from '../../shared/presenter.js';
import { toPayload } from '../store.js';

/** Minutes the first button skips: a verification code's whole life. */
const SKIP_MINUTES = 10;
/** The second button's day: what takes days (account recovery's wait, a trusted browser's 30 days). */
const DAY_MINUTES = 24 * 60;

/**
 * The presenter's tools: Large type for every page of both origins (a projector's setting),
 * the presenter clock (skip ten minutes to show a code expiring, or a day at a time for what takes
 * days; shown as time skipped, and undone only by Reset & restart), and whatever the page adds (the stage's large code).
 */
export function PresenterSection({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const skippedMs = usePresenter((s) => s?.skippedMs ?? 0);
  const largeType = usePresenter((s) => s?.largeType ?? false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const minutes = Math.round(skippedMs / 60_000);
  // A day or more ahead: the date matters, not only the time.
  const skippedTo = minutes >= DAY_MINUTES ? formatDateTime(presenterNow()) : formatTime(presenterNow());
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

  async function skip(skipMinutes: number) {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const state = await appApi.skipClock({ minutes: skipMinutes });
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
            : t('control.presenter.skipped', { ahead: formatAhead(skippedMs), time: skippedTo })}
        </p>
        <div className="presenter__skips">
          <button type="button" className="button" aria-describedby="presenter-skip-help" aria-disabled={busy || undefined} onClick={() => void skip(SKIP_MINUTES)}>
            {t('control.presenter.skip', { minutes: SKIP_MINUTES })}
          </button>
          <button type="button" className="button" aria-describedby="presenter-skip-help" aria-disabled={busy || undefined} onClick={() => void skip(DAY_MINUTES)}>
            {t('control.presenter.skipDay')}
          </button>
        </div>
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

import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../preload/contract/error-codes.js';
import { errorMessage, formatTime } from '../../i18n/index.js';
import { appApi } from '../../shared/app-api.js';
import { isPresenterState, presenterNow, receivePresenterState, usePresenter } from '../../shared/presenter.js';
import { toPayload } from '../store.js';

/** Minutes the button skips: a verification code's whole life. */
const SKIP_MINUTES = 10;

/**
 * The presenter's tools: the presenter clock (skip ten minutes to show a code expiring; shown as
 * time skipped, and undone only by Reset & restart), and whatever the page adds (the stage's
 * large type and large code).
 */
export function PresenterSection({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const skippedMs = usePresenter((s) => s?.skippedMs ?? 0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const minutes = Math.round(skippedMs / 60_000);

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
      {children}
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

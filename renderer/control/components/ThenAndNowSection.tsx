import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEMO_IDENTITY } from '../../../preload/contract/demo-identity.js';
import type { ErrorPayload } from '../../../preload/contract/error-codes.js';
import type { SecurityLevel } from '../../../preload/contract/models.js';
import { errorMessage } from '../../i18n/index.js';
import { appApi, onServiceEvent } from '../../shared/app-api.js';
import { toPayload } from '../store.js';

const LEVELS = [
  { level: 'two-step', label: 'twoFactor.control.toTwoStep' },
  { level: 'two-factor', label: 'twoFactor.control.toTwoFactor' },
] as const;

/**
 * Then and now (issue 19): the presenter switches the demo account between 2015's two-step
 * verification and today's two-factor authentication — no password, as the operator's other
 * scenarios — and runs the same sign-ins again. The level shown follows every change, wherever
 * it was made (My Apple ID too), and a Reset.
 */
export function ThenAndNowSection() {
  const { t } = useTranslation();
  const [level, setLevel] = useState<SecurityLevel | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<SecurityLevel | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);

  const reload = useCallback(async () => {
    try {
      setLevel((await appApi.securityLevel({ appleId: DEMO_IDENTITY.appleId })).securityLevel);
    } catch (caught) {
      setError(toPayload(caught));
    }
  }, []);

  useEffect(
    () =>
      onServiceEvent(
        (event) => {
          if (event.type === 'activity' && ['security-level-changed', 'demo-reset'].includes(event.entry.event)) void reload();
        },
        () => void reload(),
      ),
    [reload],
  );

  async function switchTo(to: SecurityLevel) {
    if (busy || to === level) return;
    setBusy(true);
    setDone(null);
    setError(null);
    try {
      await appApi.runScenario({ event: 'security-level', appleId: DEMO_IDENTITY.appleId, level: to });
      setDone(to);
      await reload();
    } catch (caught) {
      setError(toPayload(caught));
    } finally {
      setBusy(false);
    }
  }

  const levelName = (l: SecurityLevel) => t(`twoFactor.account.levels.${l}`);

  return (
    <section id="then-and-now" className="panel" aria-labelledby="then-and-now-heading" data-coach="then-and-now" tabIndex={-1}>
      <h2 id="then-and-now-heading" className="panel__title">
        {t('twoFactor.control.title')}
      </h2>
      <p className="panel__intro">{t('twoFactor.control.intro')}</p>
      <div role="group" aria-labelledby="then-and-now-level" className="then-and-now">
        <p id="then-and-now-level" className="scenario__label">
          {t('twoFactor.control.level')}
          {level && <span className="muted"> — {t('twoFactor.control.now', { level: levelName(level) })}</span>}
        </p>
        {LEVELS.map(({ level: to, label }) => (
          <button
            key={to}
            type="button"
            className="button"
            aria-pressed={level === to}
            aria-disabled={busy || undefined}
            onClick={() => void switchTo(to)}
          >
            {t(label)}
          </button>
        ))}
      </div>
      <p role="status" className="then-and-now__status">
        {done ? t('twoFactor.control.done', { level: levelName(done) }) : ''}
      </p>
      {error && (
        <p role="alert" className="form-error">
          {errorMessage(error)}
        </p>
      )}
    </section>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../i18n/index.js';
import { openTarget, type OpenOutcome } from '../open.js';
import { useControl } from '../store.js';
import { OPEN_TARGETS, TOUR_STEPS, type OpenTarget } from '../tour.js';

/** The target the guided tour points at now, if any. */
export function useTourTarget(): OpenTarget | null {
  return useControl((s) => (s.tour.active && !s.tour.completed ? (TOUR_STEPS[s.tour.step]?.target ?? null) : null));
}

/** Section 1: a button per window (the four apps, the trusted iPhone) and My Apple ID. */
export function WindowsSection() {
  const { t } = useTranslation();
  const tourTarget = useTourTarget();
  const [failure, setFailure] = useState<OpenOutcome | null>(null);

  async function open(target: OpenTarget) {
    setFailure(null);
    const outcome = await openTarget(target);
    if (!outcome.ok) setFailure(outcome);
  }

  return (
    <section className="panel" aria-labelledby="windows-heading">
      <h2 id="windows-heading" className="panel__title">
        {t('control.windows.heading')}
      </h2>
      <p className="panel__intro">{t('control.windows.intro')}</p>
      <ul className="window-buttons">
        {OPEN_TARGETS.map((target) => {
          const pointed = tourTarget === target;
          return (
            <li key={target} className={pointed ? 'window-buttons__item is-tour-target' : 'window-buttons__item'}>
              <button
                type="button"
                id={`open-${target}`}
                className={`button window-button window-button--${target}`}
                aria-describedby={pointed ? 'tour-pointer' : undefined}
                onClick={() => void open(target)}
              >
                <span className={`window-button__icon window-button__icon--${target}`} aria-hidden="true" />
                {t(`control.windows.${target}`)}
              </button>
              {pointed && (
                <span id="tour-pointer" className="tour-pointer">
                  {t('control.windows.tourNext', { action: t(`control.windows.${target}`) })}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {failure && !failure.ok && (
        <p role="alert" className="form-error">
          {'blocked' in failure ? t('control.windows.blocked') : errorMessage(failure.error)}
        </p>
      )}
    </section>
  );
}

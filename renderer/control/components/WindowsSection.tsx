import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppIcon } from '../../client-apps/mac/AppIcon.js';
import { errorMessage } from '../../i18n/index.js';
import { useOpener, useWindowOpen, type OpenOutcome } from '../opener.js';
import { usePresenter } from '../../shared/presenter.js';
import { useControl } from '../store.js';
import { currentStep, OPEN_TARGETS, type OpenTarget } from '../tour.js';

/**
 * What the guided tour points at now, if anything to open: not My Apple ID while it is open in
 * the browser already (the presenter switches to that tab; opening it again would take it away
 * from the page it is on).
 */
export function useTourTarget(): OpenTarget | null {
  const siteOpen = usePresenter((s) => (s?.siteTabs ?? 0) > 0);
  const target = useControl((s) => (s.tour.active && !s.tour.completed ? currentStep(s.tour).target : null));
  return target === 'account-site' && siteOpen ? null : target;
}

/** Section 1: a button per window (the four apps, the trusted iPhone) and My Apple ID. */
export function WindowsSection() {
  const { t } = useTranslation();
  const tourTarget = useTourTarget();
  const tourTargetOpen = useWindowOpen(tourTarget);
  const opening = useControl((s) => s.tour.active && currentStep(s.tour).id === 'openMessages');
  // As the tour panel says it: "Open" only for a closed window, or for the step that opens it.
  const toOpen = tourTargetOpen === false || (tourTargetOpen === null && opening);
  const openTarget = useOpener();
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
                {target === 'iphone' || target === 'account-site' ? (
                  <span className={`window-button__icon window-button__icon--${target}`} aria-hidden="true" />
                ) : (
                  <AppIcon kind={target} size="small" />
                )}
                {t(`control.windows.${target}`)}
              </button>
              {pointed && (
                <span id="tour-pointer" className="tour-pointer">
                  {toOpen ? t('control.windows.tourNext', { action: t(`control.windows.${target}`) }) : t('control.windows.tourHere')}
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

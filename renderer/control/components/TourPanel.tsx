import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../i18n/index.js';
import { useOpener, useWindowOpen, type OpenOutcome } from '../opener.js';
import { useControl } from '../store.js';
import type { TourRoute } from '../../../preload/contract/presenter.js';
import { currentStep, ROUTE_STEPS, ROUTE_TEXT } from '../tour.js';
import { useTourTarget } from './WindowsSection.js';

/** Brings the control center's Then and now section into view and puts the keyboard on it. */
function showThenAndNow(): void {
  const section = document.getElementById('then-and-now');
  section?.scrollIntoView({ block: 'nearest' });
  section?.focus();
}

/**
 * The guided tour, in a side panel (on the stage, its coach marks follow it too): the seed's flow,
 * or Then and now — the same sign-ins under two-step verification and two-factor authentication.
 */
export function TourPanel() {
  const { t } = useTranslation();
  const tour = useControl((s) => s.tour);
  const startTour = useControl((s) => s.startTour);
  const endTour = useControl((s) => s.endTour);
  const nextStep = useControl((s) => s.nextStep);
  const backStep = useControl((s) => s.backStep);
  const openTarget = useOpener();
  const [failure, setFailure] = useState<OpenOutcome | null>(null);
  const step = currentStep(tour);
  const steps = ROUTE_STEPS[tour.route];
  const text = ROUTE_TEXT[tour.route];
  const here = !tour.completed && step.target === null;
  const target = useTourTarget();
  const targetOpen = useWindowOpen(target);
  const inBrowser = !tour.completed && step.target === 'account-site' && target === null;
  // "Open" only for a window that is closed (or for the step that is opening it): an open one is shown, never "opened" again.
  const toOpen = targetOpen === false || (targetOpen === null && step.id === 'openMessages');
  // Start and End Tour replace each other: focus follows (to the tour's Next, or back to Start)
  // instead of falling to the page, but only after the presenter's own press.
  const startRef = useRef<HTMLButtonElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  const pressed = useRef(false);
  useEffect(() => {
    if (!pressed.current) return;
    pressed.current = false;
    (tour.active ? nextRef : startRef).current?.focus();
  }, [tour.active]);

  async function openNow() {
    if (!target) return;
    setFailure(null);
    const outcome = await openTarget(target);
    if (!outcome.ok) setFailure(outcome);
  }

  return (
    <section className="panel tour" aria-labelledby="tour-heading">
      <h2 id="tour-heading" className="panel__title">
        {t('tour.heading')}
      </h2>
      {!tour.active ? (
        (['seed', 'thenAndNow'] as const satisfies readonly TourRoute[]).map((route) => (
          <div key={route} className="tour__route">
            <p className="panel__intro" id={`tour-intro-${route}`}>
              {t(ROUTE_TEXT[route].intro)}
            </p>
            <button
              ref={route === 'seed' ? startRef : undefined}
              type="button"
              className={route === 'seed' ? 'button' : 'button button--secondary'}
              aria-describedby={`tour-intro-${route}`}
              onClick={() => {
                pressed.current = true;
                startTour(route);
              }}
            >
              {t(ROUTE_TEXT[route].start)}
            </button>
          </div>
        ))
      ) : (
        <>
          <p className="tour__progress" aria-live="polite" aria-atomic="true">
            <span>{t('tour.progress', { n: tour.step + 1, total: steps.length })}</span>
            {tour.completed && <span> — {t('tour.completedTitle')}</span>}
          </p>
          <ol className="tour__dots" aria-hidden="true">
            {steps.map((s, index) => (
              <li key={s.id} className={index < tour.step || (tour.completed && index === tour.step) ? 'is-done' : index === tour.step ? 'is-current' : undefined} />
            ))}
          </ol>
          {tour.completed ? (
            <div className="tour__step">
              <h3 className="tour__title">{t('tour.completedTitle')}</h3>
              <p className="tour__text">{t(text.completedText)}</p>
            </div>
          ) : (
            <div className="tour__step">
              {tour.auto && <p className="tour__auto">✓ {t('tour.autoAdvanced')}</p>}
              <h3 className="tour__title">{t(`tour.steps.${step.id}.title`)}</h3>
              <p className="tour__text">{t(`tour.steps.${step.id}.text`)}</p>
              <p className="tour__seed">
                <span className="tour__seed-label">{t(text.noteLabel)}</span> {t(`tour.steps.${step.id}.seed`)}
              </p>
              {inBrowser && <p className="tour__next">{t('tour.switchToBrowser')}</p>}
              {here && (
                <p className="tour__next">
                  <span id="tour-next-action">{t('tour.nextIn', { place: t('twoFactor.control.title') })}</span>{' '}
                  <button type="button" className="button button--small" aria-describedby="tour-next-action" onClick={showThenAndNow}>
                    {t('tour.show')}
                  </button>
                </p>
              )}
              {target && (
                <p className="tour__next">
                  <span id="tour-next-action">
                    {toOpen ? t('tour.nextAction', { action: t(`control.windows.${target}`) }) : t('tour.nextIn', { place: t(`tour.places.${target}`) })}
                  </span>{' '}
                  <button type="button" className="button button--small" aria-describedby="tour-next-action" onClick={() => void openNow()}>
                    {toOpen ? t('tour.openNow') : t('tour.show')}
                  </button>
                </p>
              )}
            </div>
          )}
          {failure && !failure.ok && (
            <p role="alert" className="form-error">
              {'blocked' in failure ? t('control.windows.blocked') : errorMessage(failure.error)}
            </p>
          )}
          <div className="tour__nav">
            <button type="button" className="button button--secondary" aria-disabled={(tour.step === 0 && !tour.completed) || undefined} onClick={backStep}>
              {t('tour.back')}
            </button>
            <button ref={nextRef} type="button" className="button" aria-disabled={tour.completed || undefined} onClick={nextStep}>
              {t('tour.next')}
            </button>
            <button
              type="button"
              className="button button--secondary tour__end"
              onClick={() => {
                pressed.current = true;
                endTour();
              }}
            >
              {t('tour.end')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOpener } from '../control/opener.js';
import { useControl } from '../control/store.js';
import { TOUR_STEPS } from '../control/tour.js';
import { usePresenter } from '../shared/presenter.js';
import { COACH_TARGETS, findCoachTarget } from './coach-targets.js';

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The target, and what the bubble must leave uncovered: the window, the Dock or the iPhone it is in. */
interface Target extends Box {
  around: Box;
}

const sameBox = (a: Box, b: Box) => a.left === b.left && a.top === b.top && a.width === b.width && a.height === b.height;
const same = (a: Target | null, b: Target | null) => a === b || (!!a && !!b && sameBox(a, b) && sameBox(a.around, b.around));

function boxOf(element: Element): Box {
  const { left, top, width, height } = element.getBoundingClientRect();
  return { left, top, width, height };
}

/** Follows an element on screen (windows move, sheets slide in, codes arrive) while `selectors` is set. */
function useTargetBox(selectors: readonly string[] | null): Target | null {
  const [box, setBox] = useState<Target | null>(null);
  const following = !!selectors && selectors.length > 0;
  useEffect(() => {
    if (!selectors || selectors.length === 0) return;
    let frame = 0;
    const tick = () => {
      const element = findCoachTarget(selectors);
      const container = element?.closest('[data-window], .dock, [data-coach="iphone"]') ?? element;
      const next = element && container ? { ...boxOf(element), around: boxOf(container) } : null;
      setBox((previous) => (same(previous, next) ? previous : next));
      frame = window.requestAnimationFrame(tick);
    };
    tick();
    return () => window.cancelAnimationFrame(frame);
  }, [selectors]);
  return following ? box : null;
}

const BUBBLE_GAP = 14;
const MARGIN = 8;

/**
 * Where the bubble goes: beside the window (the Dock, the iPhone) its target is in — on the side
 * with more room (the desktop's side, for the iPhone), then the other, then above, then below —
 * so it never covers what comes next in that window; level with the target, kept on screen.
 */
function placeBubble(target: Target, width: number, height: number): { left: number; top: number; side: 'right' | 'left' | 'above' | 'below' } {
  const { around } = target;
  const level = Math.min(Math.max(MARGIN + 24, target.top + target.height / 2 - height / 2), window.innerHeight - height - MARGIN);
  const centred = Math.min(Math.max(MARGIN, target.left + target.width / 2 - width / 2), window.innerWidth - width - MARGIN);
  const right = { left: around.left + around.width + BUBBLE_GAP, top: level, side: 'right' as const, fits: around.left + around.width + BUBBLE_GAP + width + MARGIN <= window.innerWidth };
  const left = { left: around.left - BUBBLE_GAP - width, top: level, side: 'left' as const, fits: around.left - BUBBLE_GAP - width >= MARGIN };
  const roomRight = window.innerWidth - (around.left + around.width);
  for (const choice of roomRight >= around.left ? [right, left] : [left, right]) {
    if (choice.fits) return { left: choice.left, top: choice.top, side: choice.side };
  }
  if (around.top - BUBBLE_GAP - height >= MARGIN + 24) return { left: centred, top: around.top - BUBBLE_GAP - height, side: 'above' };
  return { left: centred, top: Math.min(around.top + around.height + BUBBLE_GAP, window.innerHeight - height - MARGIN), side: 'below' };
}

/**
 * The guided tour as coach marks: a ring round the next thing to click, in the window where it
 * is (or on the iPhone, or the Dock), and beside it the step — what to do, and one line on what
 * the seed's author met at that point. A step that happens in My Apple ID says to switch to the
 * browser (whose tab shows the same step in its banner). Back, Next and End work as in the panel.
 */
export function CoachMarks() {
  const { t, i18n } = useTranslation();
  const tour = useControl((s) => s.tour);
  const nextStep = useControl((s) => s.nextStep);
  const backStep = useControl((s) => s.backStep);
  const endTour = useControl((s) => s.endTour);
  const siteOpen = usePresenter((s) => (s?.siteTabs ?? 0) > 0);
  const open = useOpener();
  const step = TOUR_STEPS[tour.step] ?? TOUR_STEPS[0]!;
  const showing = tour.active && !tour.completed;
  const selectors = showing ? COACH_TARGETS[step.id] : null;
  const box = useTargetBox(selectors);
  const bubble = useRef<HTMLElement>(null);
  const [place, setPlace] = useState<ReturnType<typeof placeBubble> | null>(null);

  useLayoutEffect(() => {
    const element = bubble.current;
    if (!element || !box) {
      setPlace(null);
      return;
    }
    const { width, height } = element.getBoundingClientRect();
    const next = placeBubble(box, width, height);
    setPlace((p) => (p && p.left === next.left && p.top === next.top && p.side === next.side ? p : next));
    // Measured again when its text changes (the step, the language) or its target moves.
  }, [box, tour.step, tour.completed, i18n.language]);

  if (!tour.active) return null;
  const inBrowser = showing && COACH_TARGETS[step.id].length === 0;

  return (
    <>
      {box && (
        <div
          className="coach-ring"
          aria-hidden="true"
          style={{ left: box.left - 6, top: box.top - 6, width: box.width + 12, height: box.height + 12 }}
        />
      )}
      <section
        ref={bubble}
        className={`coach${box ? ` coach--pointing coach--${place?.side ?? 'right'}` : ' coach--docked'}`}
        aria-labelledby="coach-title"
        style={box && place ? { left: place.left, top: place.top } : undefined}
      >
        <div aria-live="polite" aria-atomic="true">
          <p className="coach__progress">{t('tour.progress', { n: tour.step + 1, total: TOUR_STEPS.length })}</p>
          <h2 id="coach-title" className="coach__title">
            {tour.completed ? t('tour.completedTitle') : t(`tour.steps.${step.id}.title`)}
          </h2>
        </div>
        {tour.completed ? (
          <p className="coach__text">{t('tour.completedText')}</p>
        ) : (
          <>
            <p className="coach__text">{t(`tour.steps.${step.id}.text`)}</p>
            <p className="coach__seed">
              <span className="coach__seed-label">{t('tour.seedLabel')}</span> {t(`tour.steps.${step.id}.seed`)}
            </p>
            {inBrowser && (
              <p className="coach__browser">
                {siteOpen ? (
                  t('tour.switchToBrowser')
                ) : (
                  <button type="button" className="coach__button" onClick={() => void open('account-site')}>
                    {t('control.windows.account-site')}
                  </button>
                )}
              </p>
            )}
          </>
        )}
        <div className="coach__nav">
          <button type="button" className="coach__button" aria-disabled={(tour.step === 0 && !tour.completed) || undefined} onClick={backStep}>
            {t('tour.back')}
          </button>
          <button type="button" className="coach__button" aria-disabled={tour.completed || undefined} onClick={nextStep}>
            {t('tour.next')}
          </button>
          <button type="button" className="coach__button coach__button--quiet" onClick={endTour}>
            {t('tour.end')}
          </button>
        </div>
      </section>
    </>
  );
}

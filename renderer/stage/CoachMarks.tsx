import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOpener } from '../control/opener.js';
import { useControl } from '../control/store.js';
import { currentStep, ROUTE_STEPS, ROUTE_TEXT } from '../control/tour.js';
import { usePresenter } from '../shared/presenter.js';
import { placeCard, type Placement, type Rect } from './coach-placement.js';
import { COACH_TARGETS, findCoachTarget, type CoachTarget } from './coach-targets.js';
import { useStage } from './stage-store.js';
import { useStageLayout } from './use-slide-fit.js';

/** The target on screen, what must stay in view with it, and the window (Dock, iPhone) it is in. */
interface Follow {
  ring: Rect;
  clear: Rect;
  around: Rect;
  /** The target is Taro's iPhone (the coach then says where the iPhone stands). */
  iphone: boolean;
  /** The element itself, to scroll to. */
  element: HTMLElement;
}

const MARGIN = 8;

function rectOf(element: Element): Rect {
  const { left, top, width, height } = element.getBoundingClientRect();
  return { left, top, width, height };
}

const sameRect = (a: Rect, b: Rect) => a.left === b.left && a.top === b.top && a.width === b.width && a.height === b.height;
const same = (a: Follow | null, b: Follow | null) =>
  a === b || (!!a && !!b && a.element === b.element && sameRect(a.ring, b.ring) && sameRect(a.clear, b.clear) && sameRect(a.around, b.around));

/** Follows the target on screen (windows move, sheets slide in, codes arrive, the page scrolls) while `targets` is set. */
function useFollow(targets: readonly CoachTarget[] | null): Follow | null {
  const [follow, setFollow] = useState<Follow | null>(null);
  const following = !!targets && targets.length > 0;
  useEffect(() => {
    if (!targets || targets.length === 0) return;
    let frame = 0;
    const tick = () => {
      const found = findCoachTarget(targets);
      const container = found?.ring.closest('[data-window], .dock, [data-coach="iphone"]') ?? found?.ring;
      const next: Follow | null =
        found && container
          ? { ring: rectOf(found.ring), clear: rectOf(found.clear), around: rectOf(container), iphone: container.matches('[data-coach="iphone"]'), element: found.ring }
          : null;
      setFollow((previous) => (same(previous, next) ? previous : next));
      frame = window.requestAnimationFrame(tick);
    };
    tick();
    return () => window.cancelAnimationFrame(frame);
  }, [targets]);
  return following ? follow : null;
}

/** Where the card may go: below the menu bar, and not over the control center's panel where it is open (if room is left beside it). */
function freeScreen(cardWidth: number): Rect {
  const bar = document.querySelector('.menubar')?.getBoundingClientRect();
  const panel = document.querySelector('.control-panel:not([hidden])')?.getBoundingClientRect();
  const top = (bar ? Math.max(0, bar.bottom) : 0) + MARGIN;
  const width = document.documentElement.clientWidth;
  const beside = panel && panel.width > 0 ? panel.left : width;
  const right = (beside - 2 * MARGIN >= cardWidth ? beside : width) - MARGIN;
  return { left: MARGIN, top, width: right - MARGIN, height: window.innerHeight - MARGIN - top };
}

/** Scrolls the page (the stacked stage) so `element` is in the middle of the screen, if it is not all in view. */
function bringIntoView(element: HTMLElement): void {
  const screen = freeScreen(0);
  const box = element.getBoundingClientRect();
  if (box.top >= screen.top && box.bottom <= screen.top + screen.height) return;
  window.scrollBy({ top: box.top + box.height / 2 - (screen.top + screen.height / 2), behavior: 'instant' });
}

/**
 * The guided tour as coach marks: a ring round the next thing to click, in the window where it
 * is (or on the iPhone, or the Dock), and beside it the step — what to do, and one line on what
 * the seed's author met at that point. The card goes on the free side, never over what it points
 * at; where the iPhone stands below the desktop, the page scrolls to it and the card says so. A
 * step that happens in My Apple ID says to switch to the browser (whose tab shows the same step
 * in its banner). Back, Next and End work as in the panel. Drawn at the slide's scale.
 */
export function CoachMarks() {
  const { t, i18n } = useTranslation();
  const tour = useControl((s) => s.tour);
  const nextStep = useControl((s) => s.nextStep);
  const backStep = useControl((s) => s.backStep);
  const endTour = useControl((s) => s.endTour);
  const siteOpen = usePresenter((s) => (s?.siteTabs ?? 0) > 0);
  const { mode, scale } = useStageLayout();
  const panelOpen = useStage((s) => s.panelOpen);
  const open = useOpener();
  const step = currentStep(tour);
  const text = ROUTE_TEXT[tour.route];
  const showing = tour.active && !tour.completed;
  const follow = useFollow(showing ? COACH_TARGETS[step.id] : null);
  const bubble = useRef<HTMLElement>(null);
  const [place, setPlace] = useState<Placement | null>(null);
  // Where no place is free for the whole card (Large type on a small screen), it drops the seed's line for this step.
  const [compactAt, setCompactAt] = useState<string | null>(null);
  const situation = `${tour.route}|${tour.step}|${scale}|${mode}|${panelOpen}`;
  const compact = compactAt === situation;

  // A new thing to point at (a new step, a window opened): the page scrolls to it where it is out of view.
  const target = follow?.element ?? null;
  useEffect(() => {
    // In the control center's panel (Then and now's switch), the panel scrolls, not the page.
    if (target?.closest('.control-panel')) target.scrollIntoView({ block: 'nearest' });
    else if (target && mode === 'stacked') bringIntoView(target);
  }, [target, mode, tour.step]);

  useLayoutEffect(() => {
    const element = bubble.current;
    if (!element || !follow) {
      setPlace(null);
      return;
    }
    const { width, height } = element.getBoundingClientRect();
    const dock = document.querySelector('.dock');
    const avoid = dock && !dock.contains(follow.element) ? [rectOf(dock)] : [];
    const next = placeCard({ width, height }, follow.ring, follow.clear, follow.around, freeScreen(width), avoid);
    if (!next.free && !compact) {
      setCompactAt(situation);
      return;
    }
    setPlace((p) => (p && p.left === next.left && p.top === next.top && p.side === next.side ? p : next));
    // Measured again when its text changes (the step, the language, where the iPhone is) or its target moves.
  }, [follow, tour.step, tour.completed, i18n.language, mode, scale, panelOpen, compact, situation]);

  if (!tour.active) return null;
  const inBrowser = showing && !follow && (step.target === 'account-site' || COACH_TARGETS[step.id].length === 0);
  const where = showing && follow?.iphone ? t(mode === 'stacked' ? 'tour.where.iphoneBelow' : 'tour.where.iphoneBeside') : null;

  return (
    <div className="coach-layer" style={{ zoom: scale }}>
      {follow && (
        <div
          className="coach-ring"
          aria-hidden="true"
          style={{ left: (follow.ring.left - 6) / scale, top: (follow.ring.top - 6) / scale, width: (follow.ring.width + 12) / scale, height: (follow.ring.height + 12) / scale }}
        />
      )}
      <section
        ref={bubble}
        className={`coach${follow ? ` coach--pointing coach--${place?.side ?? 'right'}${place ? '' : ' coach--measuring'}` : ' coach--docked'}`}
        aria-labelledby="coach-title"
        style={follow && place ? { left: place.left / scale, top: place.top / scale } : undefined}
      >
        <div aria-live="polite" aria-atomic="true">
          <p className="coach__progress">{t('tour.progress', { n: tour.step + 1, total: ROUTE_STEPS[tour.route].length })}</p>
          <h2 id="coach-title" className="coach__title">
            {tour.completed ? t('tour.completedTitle') : t(`tour.steps.${step.id}.title`)}
          </h2>
        </div>
        {tour.completed ? (
          <p className="coach__text">{t(text.completedText)}</p>
        ) : (
          <>
            {where && <p className="coach__where">{where}</p>}
            <p className="coach__text">{t(`tour.steps.${step.id}.text`)}</p>
            {!compact && (
              <p className="coach__seed">
                <span className="coach__seed-label">{t(text.noteLabel)}</span> {t(`tour.steps.${step.id}.seed`)}
              </p>
            )}
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
    </div>
  );
}

import { useEffect, useId, useLayoutEffect, useMemo, useRef, type PointerEvent as ReactPointerEvent, type ReactNode } from 'react';
import { WindowHostContext, type StagedWindow } from '../client-apps/mac/window-host.js';
import { windowBounds } from './slide-fit.js';
import { useStage, useStageStore } from './stage-store.js';
import { useStageLayout } from './use-slide-fit.js';
import { WINDOW_SPECS, type StageWindowId } from './windows.js';

/** Presses that belong to a control in the title bar (a toolbar tab), not the start of a drag. */
const CONTROLS = 'button, input, select, textarea, a, [role="tab"]';

const clamp = (value: number, max: number) => Math.min(Math.max(value, 0), max);

/**
 * One Mac window on the stage's desktop: a Mac's size in the slide's design pixels (the slide
 * scales as a whole), dragged by its title bar, brought to front by any press in it, closed by
 * its red button (hidden, not unmounted: its app keeps its state, and what was typed in it,
 * until opened again). As a Mac keeps a window within the screen's visible frame, it stays
 * wholly on the desktop and above the Dock: a desktop too short for it (Large type on a small
 * screen) shortens it, and its content scrolls. Each Open gives it the keyboard focus — back
 * where it was, or its first field.
 */
export function StageWindow({ id, children }: { id: StageWindowId; children: ReactNode }) {
  const stage = useStageStore();
  const place = useStage((s) => s.windows[id]);
  const front = useStage((s) => s.front === id);
  const { desktop, scale } = useStageLayout();
  const outer = useRef<HTMLElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const lastFocused = useRef<HTMLElement | null>(null);
  const titleId = `${useId()}-title`;
  const spec = WINDOW_SPECS[id];
  const bounds = windowBounds(desktop, spec);
  // Read by a drag, which starts outside render.
  const bound = useRef({ bounds, scale });
  useLayoutEffect(() => {
    bound.current = { bounds, scale };
  });

  useEffect(() => {
    if (place.focusRequest === 0 || !place.open) return;
    const window = outer.current;
    if (!window) return;
    const usable = (element: HTMLElement | null | undefined): element is HTMLElement =>
      !!element && element.isConnected && window.contains(element) && !element.closest('[inert]');
    const sheetButton = window.querySelector<HTMLElement>('.mac-sheet .mac-button--default');
    const target = [sheetButton, lastFocused.current, window.querySelector<HTMLElement>('input:not([disabled])'), window.querySelector<HTMLElement>('.mac-window__content button')].find(usable);
    target?.focus();
    window.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    // Only a new Open moves the focus, not a move or a change of stacking order.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [place.focusRequest]);

  const host = useMemo<StagedWindow>(
    () => ({
      attachFrame: (element: HTMLDivElement | null) => {
        frame.current = element;
      },
      frame: () => frame.current,
      titleId,
      onClose: () => stage.getState().close(id),
      onTitlePointerDown: (event: ReactPointerEvent<HTMLElement>) => {
        if (event.button !== 0 || (event.target as Element).closest(CONTROLS)) return;
        const handle = event.currentTarget;
        event.preventDefault();
        const { bounds: limits, scale: zoom } = bound.current;
        // From where it stands now (kept on the desktop), in design pixels: the pointer moves in screen pixels.
        const start = { px: event.clientX, py: event.clientY, x: clamp(stage.getState().windows[id].x, limits.maxX), y: clamp(stage.getState().windows[id].y, limits.maxY) };
        const move = (e: PointerEvent) => {
          const x = clamp(start.x + (e.clientX - start.px) / zoom, limits.maxX);
          const y = clamp(start.y + (e.clientY - start.py) / zoom, limits.maxY);
          stage.getState().move(id, Math.round(x), Math.round(y));
        };
        const end = () => {
          handle.removeEventListener('pointermove', move);
          handle.removeEventListener('pointerup', end);
          handle.removeEventListener('pointercancel', end);
        };
        handle.setPointerCapture(event.pointerId);
        handle.addEventListener('pointermove', move);
        handle.addEventListener('pointerup', end);
        handle.addEventListener('pointercancel', end);
      },
    }),
    [stage, id, titleId],
  );

  return (
    <section
      ref={outer}
      data-window={id}
      aria-labelledby={titleId}
      className={`stage-window${front ? ' stage-window--front' : ''}`}
      hidden={!place.open}
      style={{ left: clamp(place.x, bounds.maxX), top: clamp(place.y, bounds.maxY), zIndex: place.z }}
      onPointerDownCapture={() => stage.getState().bringToFront(id)}
      onFocusCapture={(event) => {
        lastFocused.current = event.target instanceof HTMLElement ? event.target : null;
        stage.getState().bringToFront(id);
      }}
    >
      <div className="stage-window__frame" style={{ width: spec.width, height: bounds.height }}>
        <WindowHostContext value={host}>{children}</WindowHostContext>
      </div>
    </section>
  );
}

import { useEffect, useId, useMemo, useRef, type PointerEvent as ReactPointerEvent, type ReactNode } from 'react';
import { WindowHostContext, type StagedWindow } from '../client-apps/mac/window-host.js';
import { useStage, useStageStore } from './stage-store.js';
import { WINDOW_SPECS, type StageWindowId } from './windows.js';

/** Presses that belong to a control in the title bar (a toolbar tab), not the start of a drag. */
const CONTROLS = 'button, input, select, textarea, a, [role="tab"]';

/** How much of a window stays on the desktop however far it is dragged: enough to grab it again. */
const KEEP_VISIBLE = 80;

/**
 * One Mac window on the stage's desktop: fixed in size (scaled as a whole for large type),
 * dragged by its title bar, brought to front by any press in it, closed by its red button
 * (hidden, not unmounted: its app keeps its state, and what was typed in it, until opened
 * again). Each Open gives it the keyboard focus — back where it was, or its first field.
 */
export function StageWindow({ id, children }: { id: StageWindowId; children: ReactNode }) {
  const stage = useStageStore();
  const place = useStage((s) => s.windows[id]);
  const front = useStage((s) => s.front === id);
  const outer = useRef<HTMLElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const lastFocused = useRef<HTMLElement | null>(null);
  const titleId = `${useId()}-title`;
  const spec = WINDOW_SPECS[id];

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
        const desktop = outer.current?.offsetParent as HTMLElement | null;
        const box = outer.current?.getBoundingClientRect();
        if (!desktop || !box) return;
        event.preventDefault();
        const start = { px: event.clientX, py: event.clientY, ...stage.getState().windows[id] };
        const move = (e: PointerEvent) => {
          const x = Math.min(Math.max(start.x + e.clientX - start.px, KEEP_VISIBLE - box.width), desktop.clientWidth - KEEP_VISIBLE);
          const y = Math.min(Math.max(start.y + e.clientY - start.py, 0), desktop.clientHeight - 24);
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
      style={{ left: place.x, top: place.y, zIndex: place.z }}
      onPointerDownCapture={() => stage.getState().bringToFront(id)}
      onFocusCapture={(event) => {
        lastFocused.current = event.target instanceof HTMLElement ? event.target : null;
        stage.getState().bringToFront(id);
      }}
    >
      <div className="stage-window__scale" style={{ width: spec.width, height: spec.height }}>
        <WindowHostContext value={host}>{children}</WindowHostContext>
      </div>
    </section>
  );
}

/**
 * Large type, for a projector: TwoStep's text drawn big enough to read from the back of a room.
 * A page of its own zooms as a whole, as the browser's own zoom would (its layout then follows
 * the narrower page: its narrow layouts are container queries, not media queries); the stage
 * scales its desktop, iPhone and panel itself (stage/slide-fit.ts).
 */

/** 13 px, the smallest body text of a Mac window, drawn at 24.4 px: readable from the back of a room. */
export const LARGE_TYPE_SCALE = 1.875;

let pageZoom: number | null = LARGE_TYPE_SCALE;

/** The stage scales itself: this page is then not zoomed as a whole. */
export function scaleLargeTypeMyself(): void {
  pageZoom = null;
}

/** Large type on or off for this page. */
export function applyLargeType(on: boolean): void {
  const root = document.documentElement;
  root.toggleAttribute('data-large-type', on);
  if (pageZoom !== null) root.style.zoom = on ? String(pageZoom) : '';
}

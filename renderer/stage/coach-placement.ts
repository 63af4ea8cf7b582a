/**
 * Where the coach card goes: on the free side of what it points at — beside the window (the
 * Dock, the iPhone) the target is in, where there is room; else beside, below or above the part
 * that must stay in view (the form, the sheet, the iPhone's screen); never over the target or
 * that part when any place on screen avoids them. All in screen pixels.
 */

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export type Side = 'right' | 'left' | 'below' | 'above';

export interface Placement {
  left: number;
  top: number;
  side: Side;
  /** Clear of the target and what goes with it (false: the least-covering place, nothing was free). */
  free: boolean;
}

const GAP = 14;
/** The ring stands this far out round its target. */
const RING = 8;

const right = (r: Rect) => r.left + r.width;
const bottom = (r: Rect) => r.top + r.height;

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(right(a), right(b)) - Math.max(a.left, b.left);
  const h = Math.min(bottom(a), bottom(b)) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

const grow = (r: Rect, by: number): Rect => ({ left: r.left - by, top: r.top - by, width: r.width + 2 * by, height: r.height + 2 * by });
const clampTo = (value: number, min: number, max: number) => Math.min(Math.max(value, min), Math.max(min, max));

/**
 * `card` is the card's size; `target` what the ring is round; `clear` what must stay in view
 * with it; `around` the window (Dock, iPhone) they are in; `screen` where the card may go;
 * `avoid`, what it had better not cover either when a place allows (the Dock).
 */
export function placeCard(card: { width: number; height: number }, target: Rect, clear: Rect, around: Rect, screen: Rect, avoid: readonly Rect[] = []): Placement {
  const level = clampTo(target.top + target.height / 2 - card.height / 2, screen.top, bottom(screen) - card.height);
  const centred = clampTo(target.left + target.width / 2 - card.width / 2, screen.left, right(screen) - card.width);
  type Candidate = Omit<Placement, 'free'> & { fits: boolean };
  const candidates: Candidate[] = [];
  for (const region of [around, clear]) {
    const sides: Candidate[] = [
      { side: 'right', left: right(region) + GAP, top: level, fits: right(region) + GAP + card.width <= right(screen) },
      { side: 'left', left: region.left - GAP - card.width, top: level, fits: region.left - GAP - card.width >= screen.left },
      { side: 'below', left: centred, top: bottom(region) + GAP, fits: bottom(region) + GAP + card.height <= bottom(screen) },
      { side: 'above', left: centred, top: region.top - GAP - card.height, fits: region.top - GAP - card.height >= screen.top },
    ];
    const roomRight = right(screen) - right(region);
    const roomLeft = region.left - screen.left;
    const roomBelow = bottom(screen) - bottom(region);
    const roomAbove = region.top - screen.top;
    const [r, l, b, a] = sides as [Candidate, Candidate, Candidate, Candidate];
    candidates.push(...(roomRight >= roomLeft ? [r, l] : [l, r]), ...(roomBelow >= roomAbove ? [b, a] : [a, b]));
  }
  const keep = [grow(target, RING), clear];
  const covered = (p: { left: number; top: number }) => keep.reduce((sum, r) => sum + overlap({ ...p, ...card }, r), 0);
  const spares = (p: { left: number; top: number }) => avoid.every((r) => overlap({ ...p, ...card }, r) === 0);
  const free = candidates.find((p) => p.fits && covered(p) === 0 && spares(p)) ?? candidates.find((p) => p.fits && covered(p) === 0);
  if (free) return { left: free.left, top: free.top, side: free.side, free: true };
  // Nowhere free: the place on screen that covers the least of them (screen corners included).
  const corners = [
    [screen.left, screen.top],
    [right(screen) - card.width, screen.top],
    [screen.left, bottom(screen) - card.height],
    [right(screen) - card.width, bottom(screen) - card.height],
  ] as const;
  const onScreen = [...candidates, ...corners.map(([left, top]) => ({ left, top, side: 'below' as const, fits: true }))].map((p) => ({
    ...p,
    left: clampTo(p.left, screen.left, right(screen) - card.width),
    top: clampTo(p.top, screen.top, bottom(screen) - card.height),
  }));
  const best = onScreen.reduce((a, b) => (covered(b) < covered(a) ? b : a));
  return { left: best.left, top: best.top, side: best.side, free: false };
}

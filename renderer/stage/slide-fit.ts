import { LARGE_TYPE_SCALE } from '../shared/large-type.js';

/**
 * How the stage fits a screen, as Keynote fits a slide: the Mac desktop and Taro's iPhone
 * beside it are one picture, laid out in design pixels (a Mac's points) and scaled together to
 * the screen, so a 1024×768 projector shows the whole demo — the window, the Dock and the code
 * — at once. Where that would make the text too small to read (800×600, or Large type on a
 * small screen) the iPhone stands below the desktop instead, and the tour scrolls to it.
 *
 * Pure arithmetic over the space the page measured (use-slide-fit.ts measures it).
 */

/** Taro's iPhone as drawn (device.css at 330 px wide: bezel, screen and home button). */
export const PHONE = { width: 330, height: 702 } as const;
/** Room round the iPhone in its column. */
const PHONE_GAP = { x: 14, y: 12 } as const;
/** The least desktop that holds a Mac window (the widest is 680) and the Dock below it. */
const DESKTOP_MIN = { normal: { width: 720, height: 600 }, large: { width: 720, height: 460 } } as const;
/** What the Dock takes at the bottom of the desktop: windows stay above it. */
export const DOCK_RESERVE = 80;
/** The gap a window keeps from the menu bar (the desktop's top). */
export const WINDOW_TOP_GAP = 8;
/** Below this scale a Mac window's 13 px text is under 10.5 px: the iPhone goes below the desktop instead. */
const FIT_MIN = 0.8;
/** With Large type, side by side must still draw text at least this much bigger than normal, or the iPhone goes below. */
const LARGE_FIT_MIN = 1.25;

export interface SlideSpace {
  /** The width for the slide (the screen less a docked control center). */
  width: number;
  /** The height between the menu bar and the footer (side by side). */
  height: number;
  /** The height below the menu bar (stacked: the desktop fills the first screen, the iPhone and footer follow). */
  stackedHeight: number;
  largeType: boolean;
}

export interface SlideFit {
  /** Side by side on one screen, or the iPhone below the desktop (the page scrolls). */
  mode: 'fit' | 'stacked';
  /** Design pixels to screen pixels, for the desktop, the iPhone and the coach marks alike. */
  scale: number;
  /** The desktop's size in design pixels. */
  desktop: { width: number; height: number };
  /** The iPhone's own scale inside the slide (below 1 only when Large type makes the slide too short for it). */
  phoneScale: number;
  /** The iPhone column's width in design pixels (side by side). */
  column: number;
}

const column = (phoneScale: number) => PHONE.width * phoneScale + 2 * PHONE_GAP.x;

/** The iPhone's scale in a slide `designHeight` tall: whole, unless Large type leaves too little height. */
function phoneScaleFor(designHeight: number, largeType: boolean): number {
  if (!largeType) return 1;
  return Math.min(1, Math.max(0.4, (designHeight - 2 * PHONE_GAP.y) / PHONE.height));
}

/** The largest scale (up to `max`) at which the desktop and the iPhone fit side by side. */
function sideBySide(space: SlideSpace, max: number): number {
  const min = space.largeType ? DESKTOP_MIN.large : DESKTOP_MIN.normal;
  const fits = (scale: number) => {
    const height = space.height / scale;
    const phone = phoneScaleFor(height, space.largeType);
    return space.width / scale >= min.width + column(phone) && height >= Math.max(min.height, space.largeType ? 0 : PHONE.height + 2 * PHONE_GAP.y);
  };
  if (fits(max)) return max;
  // Fitting gets easier as the scale falls: halve the interval down to a thousandth.
  let low = 0.2;
  let high = max;
  while (high - low > 0.001) {
    const mid = (low + high) / 2;
    if (fits(mid)) low = mid;
    else high = mid;
  }
  return low;
}

export function fitSlide(space: SlideSpace): SlideFit {
  const max = space.largeType ? LARGE_TYPE_SCALE : 1;
  const min = space.largeType ? DESKTOP_MIN.large : DESKTOP_MIN.normal;
  const fit = sideBySide(space, max);
  const stacked = Math.min(max, space.width / min.width, space.stackedHeight / min.height);
  const useFit = space.largeType ? fit >= Math.min(LARGE_FIT_MIN, stacked) : fit >= FIT_MIN;
  if (useFit) {
    const height = Math.floor(space.height / fit);
    const phoneScale = phoneScaleFor(height, space.largeType);
    const col = Math.ceil(column(phoneScale));
    return { mode: 'fit', scale: fit, desktop: { width: Math.floor(space.width / fit) - col, height }, phoneScale, column: col };
  }
  // Below the desktop, the whole iPhone fits one screen when the page has scrolled to it (with Large type, its text is larger inside).
  const phoneScale = phoneScaleFor(space.stackedHeight / stacked - 2 * PHONE_GAP.y, space.largeType);
  return {
    mode: 'stacked',
    scale: stacked,
    desktop: { width: Math.floor(space.width / stacked), height: Math.floor(space.stackedHeight / stacked) },
    phoneScale,
    column: Math.ceil(column(phoneScale)),
  };
}

/** Where a window of `size` may stand on a desktop of `desktop`: wholly on it, above the Dock. */
export function windowBounds(desktop: { width: number; height: number }, size: { width: number; height: number }) {
  const height = Math.min(size.height, desktop.height - DOCK_RESERVE - WINDOW_TOP_GAP);
  return { height, maxX: Math.max(0, desktop.width - size.width), maxY: Math.max(0, desktop.height - DOCK_RESERVE - height) };
}

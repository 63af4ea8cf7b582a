import { describe, expect, it } from 'vitest';
import { DOCK_RESERVE, fitSlide, windowBounds } from '../../../renderer/stage/slide-fit.js';

/**
 * The stage's arithmetic: how the desktop and the iPhone fit a projector's screen as one slide
 * (the e2e tests in stage-fit.spec.ts check what this gives on screen).
 */

/** The room browser mode's stage has at a screen size: the menu bar (24 px, 45 with Large type) and a one-line footer. */
const space = (width: number, height: number, largeType = false) => {
  const bar = largeType ? 45 : 24;
  const footer = largeType ? 42 : 28;
  return { width, height: height - bar - footer, stackedHeight: height - bar, largeType };
};

describe('fitting the stage to a screen', () => {
  it('holds the Mac at its own size, the iPhone beside it, on a full HD screen with the control center docked', () => {
    const fit = fitSlide(space(1920 - 400, 1080));
    expect(fit.mode).toBe('fit');
    expect(fit.scale).toBe(1);
    expect(fit.desktop.width + fit.column).toBeLessThanOrEqual(1520);
  });

  it('scales the desktop and the iPhone down together, as one slide, to hold them on 1024×768 — not below 0.9', () => {
    const fit = fitSlide(space(1024, 768));
    expect(fit.mode).toBe('fit');
    expect(fit.scale).toBeGreaterThan(0.9);
    expect(fit.scale).toBeLessThan(1);
    expect((fit.desktop.width + fit.column) * fit.scale).toBeLessThanOrEqual(1024);
    expect(fit.desktop.height * fit.scale).toBeLessThanOrEqual(768 - 24 - 28);
  });

  it('stands the iPhone below the desktop at 800×600 rather than shrink the Mac past reading', () => {
    const fit = fitSlide(space(800, 600));
    expect(fit.mode).toBe('stacked');
    expect(fit.scale).toBeGreaterThan(0.9);
    expect(fit.desktop.width * fit.scale).toBeLessThanOrEqual(800);
  });

  it('Large type: 13 px Mac text at 24 px or more on a 1920×1080 screen, the iPhone still beside the desktop', () => {
    const fit = fitSlide(space(1920, 1080, true));
    expect(fit.mode).toBe('fit');
    expect(13 * fit.scale).toBeGreaterThanOrEqual(24);
    expect(fit.phoneScale).toBeLessThan(1);
    expect((fit.desktop.width + fit.column) * fit.scale).toBeLessThanOrEqual(1920);
    expect(fit.desktop.width).toBeGreaterThanOrEqual(720);
  });

  it('Large type on 1024×768: the desktop takes the width, larger than without Large type, and the iPhone goes below', () => {
    const normal = fitSlide(space(1024, 768));
    const large = fitSlide(space(1024, 768, true));
    expect(large.mode).toBe('stacked');
    expect(large.scale).toBeGreaterThan(normal.scale * 1.3);
  });
});

describe('a window on the desktop', () => {
  it('is shortened to the desktop above the Dock when the desktop is too short, and never placed past it', () => {
    const bounds = windowBounds({ width: 760, height: 470 }, { width: 680, height: 500 });
    expect(bounds.height).toBeLessThan(500);
    expect(bounds.height + bounds.maxY).toBeLessThanOrEqual(470 - DOCK_RESERVE);
    expect(bounds.maxX).toBe(80);
  });

  it('keeps its Mac size where the desktop has room', () => {
    expect(windowBounds({ width: 1200, height: 900 }, { width: 680, height: 500 }).height).toBe(500);
  });
});

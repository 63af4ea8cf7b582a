import { describe, expect, it } from 'vitest';
import { placeCard, type Rect } from '../../../renderer/stage/coach-placement.js';

const screen: Rect = { left: 8, top: 32, width: 1350, height: 720 };
const card = { width: 320, height: 200 };
const overlaps = (a: Rect, b: Rect) => a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

describe('where the coach card goes', () => {
  it('beside the window its target is in, on the side with room, level with the target', () => {
    const window: Rect = { left: 40, top: 60, width: 680, height: 500 };
    const target: Rect = { left: 600, top: 300, width: 70, height: 22 };
    const place = placeCard(card, target, target, window, screen);
    expect(place).toMatchObject({ side: 'right', free: true });
    expect(place.left).toBeGreaterThanOrEqual(720);
  });

  it('inside the window, below the form, when the window leaves no room beside it — never over the form', () => {
    const window: Rect = { left: 8, top: 40, width: 1340, height: 700 };
    const form: Rect = { left: 400, top: 200, width: 600, height: 160 };
    const target: Rect = { left: 500, top: 260, width: 400, height: 24 };
    const place = placeCard(card, target, form, window, screen);
    expect(place.free).toBe(true);
    expect(overlaps({ ...place, ...card }, form)).toBe(false);
  });

  it('spares the Dock where another free place exists', () => {
    const window: Rect = { left: 8, top: 40, width: 1340, height: 500 };
    const form: Rect = { left: 400, top: 200, width: 600, height: 160 };
    const dock: Rect = { left: 500, top: 560, width: 300, height: 70 };
    const place = placeCard(card, form, form, window, screen, [dock]);
    expect(place.free).toBe(true);
    expect(overlaps({ ...place, ...card }, dock)).toBe(false);
  });

  it('says when nothing was free, and then stays on screen covering the least', () => {
    const all: Rect = { left: 8, top: 32, width: 1350, height: 720 };
    const place = placeCard(card, all, all, all, screen);
    expect(place.free).toBe(false);
    expect(place.left).toBeGreaterThanOrEqual(screen.left);
    expect(place.top + card.height).toBeLessThanOrEqual(screen.top + screen.height);
  });
});

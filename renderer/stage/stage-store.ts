import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import { STAGE_WINDOWS, WINDOW_SPECS, type StageWindowId } from './windows.js';

export interface WindowPlace {
  open: boolean;
  x: number;
  y: number;
  /** Stacking order: the highest is in front. */
  z: number;
  /** Bumped by each Open: the window then takes the keyboard focus. */
  focusRequest: number;
}

/**
 * The stage's own state (one per stage page): which windows are open, where, which is in front,
 * and the presenter's display choices for this page (Large type is every page's: the presenter
 * state). The apps' state is not here: each window has its own store (client-apps/store.ts).
 */
export interface StageState {
  windows: Record<StageWindowId, WindowPlace>;
  front: StageWindowId | null;
  /** The iPhone's codes in large digits. */
  largeCode: boolean;
  /** The control center panel is open. */
  panelOpen: boolean;
  /** Open (or, when open, bring to front): never reloads it, never loses what was typed. */
  open: (id: StageWindowId) => void;
  close: (id: StageWindowId) => void;
  bringToFront: (id: StageWindowId) => void;
  move: (id: StageWindowId, x: number, y: number) => void;
  setTool: (tool: 'largeCode' | 'panelOpen', on: boolean) => void;
  /** Reset & restart: every window closed and back in its first place. */
  resetWindows: () => void;
}

export type StageStore = StoreApi<StageState>;

function firstPlaces(): Record<StageWindowId, WindowPlace> {
  return Object.fromEntries(
    STAGE_WINDOWS.map((id, index) => [id, { open: false, x: WINDOW_SPECS[id].x, y: WINDOW_SPECS[id].y, z: index + 1, focusRequest: 0 }]),
  ) as Record<StageWindowId, WindowPlace>;
}

const TOOLS_KEY = 'twostep.stage.tools';

function readTools(): Pick<StageState, 'largeCode' | 'panelOpen'> {
  // Wide enough for the panel beside the desktop and the iPhone: open at first.
  const wide = typeof window !== 'undefined' && window.innerWidth >= 1400;
  try {
    const saved = JSON.parse(window.localStorage.getItem(TOOLS_KEY) ?? 'null') as Record<string, unknown> | null;
    if (saved) return { largeCode: saved.largeCode === true, panelOpen: saved.panelOpen === true };
  } catch {
    // Nothing saved, or storage unavailable: the defaults.
  }
  return { largeCode: false, panelOpen: wide };
}

export function createStageStore(): StageStore {
  return createStore<StageState>()((set, get) => {
    const top = () => Math.max(...Object.values(get().windows).map((w) => w.z));
    const update = (id: StageWindowId, change: Partial<WindowPlace>) => set((s) => ({ windows: { ...s.windows, [id]: { ...s.windows[id], ...change } } }));
    return {
      windows: firstPlaces(),
      front: null,
      ...readTools(),
      open(id) {
        const place = get().windows[id];
        update(id, { open: true, z: get().front === id ? place.z : top() + 1, focusRequest: place.focusRequest + 1 });
        set({ front: id });
      },
      close(id) {
        update(id, { open: false });
        if (get().front !== id) return;
        const next = Object.entries(get().windows)
          .filter(([, w]) => w.open)
          .sort(([, a], [, b]) => b.z - a.z)[0];
        set({ front: (next?.[0] as StageWindowId | undefined) ?? null });
      },
      bringToFront(id) {
        if (get().front === id) return;
        update(id, { z: top() + 1 });
        set({ front: id });
      },
      move(id, x, y) {
        update(id, { x, y });
      },
      setTool(tool, on) {
        set({ [tool]: on } as Pick<StageState, typeof tool>);
        const { largeCode, panelOpen } = get();
        try {
          window.localStorage.setItem(TOOLS_KEY, JSON.stringify({ largeCode, panelOpen }));
        } catch {
          // Kept for this page only.
        }
      },
      resetWindows() {
        set({ windows: firstPlaces(), front: null });
      },
    };
  });
}

export const StageContext = createContext<StageStore | null>(null);

export function useStageStore(): StageStore {
  const store = useContext(StageContext);
  if (!store) throw new Error('useStage outside a StageContext');
  return store;
}

export function useStage<T>(selector: (state: StageState) => T): T {
  return useStore(useStageStore(), selector);
}

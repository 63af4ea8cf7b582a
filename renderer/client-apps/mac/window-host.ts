import { createContext, useContext, type PointerEvent } from 'react';

/**
 * Where a Mac window is drawn. On its own page (or in a desktop app window) the page is the
 * window: it has the page's main landmark and h1, and a sheet makes the whole page inert. On
 * the stage, many windows share one page: each is a region named by its title, its title bar
 * drags it and its close button closes it, and a sheet is modal to that window only, as on a
 * Mac.
 */
export interface StagedWindow {
  /** Takes the window's frame element (a callback ref)… */
  attachFrame: (element: HTMLDivElement | null) => void;
  /** …which a sheet hangs inside, making only it inert. */
  frame: () => HTMLDivElement | null;
  /** The id of the window's heading (its region's name). */
  titleId: string;
  onTitlePointerDown: (event: PointerEvent<HTMLElement>) => void;
  onClose: () => void;
}

export const WindowHostContext = createContext<StagedWindow | null>(null);

/** The stage's window around this component, or null when the page is the window. */
export function useStagedWindow(): StagedWindow | null {
  return useContext(WindowHostContext);
}

import { createContext, useContext, useLayoutEffect, useState, type RefObject } from 'react';
import { fitSlide, type SlideFit } from './slide-fit.js';

/** The control center docks beside the stage on a screen this wide and tall (without Large type); elsewhere it lies over it. */
export const PANEL_DOCK = { minWidth: 1400, minHeight: 760, width: 400 } as const;

export interface StageLayout extends SlideFit {
  largeType: boolean;
  /** The control center's panel stands beside the stage (not over it). */
  panelDocked: boolean;
}

const FIRST: StageLayout = {
  mode: 'fit',
  scale: 1,
  desktop: { width: 1000, height: 700 },
  phoneScale: 1,
  column: 358,
  largeType: false,
  panelDocked: false,
};

export const StageLayoutContext = createContext<StageLayout>(FIRST);

export function useStageLayout(): StageLayout {
  return useContext(StageLayoutContext);
}

/** The width a classic scroll bar takes (0 where scroll bars lie over the page). */
function scrollbarWidth(): number {
  const probe = document.createElement('div');
  probe.style.cssText = 'position:absolute;top:-200px;width:100px;height:100px;overflow:scroll';
  document.body.append(probe);
  const width = probe.offsetWidth - probe.clientWidth;
  probe.remove();
  return width;
}

/**
 * Measures the room the stage has (the screen less the menu bar, the footer and a docked
 * control center) and fits the slide to it, again on every resize, on Large type, and when the
 * panel opens or closes.
 */
export function useSlideFit(parts: { menubar: RefObject<HTMLElement | null>; footer: RefObject<HTMLElement | null> }, largeType: boolean, panelOpen: boolean): StageLayout {
  const [layout, setLayout] = useState<StageLayout>({ ...FIRST, largeType });
  const { menubar, footer } = parts;

  useLayoutEffect(() => {
    const gutter = scrollbarWidth();
    const measure = () => {
      const width = window.innerWidth;
      const height = window.innerHeight;
      const panelDocked = panelOpen && !largeType && width >= PANEL_DOCK.minWidth && height >= PANEL_DOCK.minHeight;
      const bar = menubar.current?.getBoundingClientRect().height ?? 24;
      const foot = footer.current?.getBoundingClientRect().height ?? 0;
      const room = width - (panelDocked ? PANEL_DOCK.width : 0);
      const side = fitSlide({ width: room, height: height - bar - foot, stackedHeight: height - bar, largeType });
      // Stacked, the page scrolls: its scroll bar takes its width from the slide.
      const fit = side.mode === 'stacked' && gutter > 0 ? fitSlide({ width: room - gutter, height: height - bar - foot, stackedHeight: height - bar, largeType }) : side;
      const next: StageLayout = { ...fit, largeType, panelDocked };
      setLayout((previous) => (JSON.stringify(previous) === JSON.stringify(next) ? previous : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    for (const element of [document.documentElement, menubar.current, footer.current]) if (element) observer.observe(element);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [menubar, footer, largeType, panelOpen]);

  return layout;
}

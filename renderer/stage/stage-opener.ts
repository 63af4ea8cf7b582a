import { useControl, toPayload } from '../control/store.js';
import type { Opener, WindowState } from '../control/opener.js';
import { openAccountSiteTab } from '../shared/account-site-tab.js';
import type { StageStore } from './stage-store.js';
import { isStageWindow } from './windows.js';

/**
 * How the control center (and the Dock) open things on the stage: a window opens, or comes to
 * front with the keyboard focus — never loaded again, nothing typed in it lost; Taro's iPhone is
 * brought into view; My Apple ID opens in the browser's one tab for it.
 */
export function stageOpener(stage: StageStore): Opener {
  return async (target) => {
    try {
      if (target === 'account-site') {
        if ((await openAccountSiteTab({ page: 'manage' })) === 'blocked') return { ok: false, blocked: true };
      } else if (target === 'iphone') {
        const iphone = document.querySelector<HTMLElement>('[data-coach="iphone"]');
        iphone?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
        iphone?.focus();
      } else {
        stage.getState().open(target);
      }
    } catch (error) {
      return { ok: false, error: toPayload(error) };
    }
    useControl.getState().opened(target);
    return { ok: true };
  };
}

/** The stage's windows as the control center (and the tour) see them: open or not; the iPhone always stands there. */
export function stageWindowState(stage: StageStore): WindowState {
  return {
    isOpen: (target) => (target === 'iphone' ? true : isStageWindow(target) ? stage.getState().windows[target].open : null),
    subscribe: (onChange) => stage.subscribe(onChange),
  };
}

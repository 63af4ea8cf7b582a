import { useBusyAction } from '../../shared/use-busy-action.js';
import { useICloud } from '../store.js';

/** One user action against iCloud.com's API (see useBusyAction); a lost session is the store's. */
export function useCall() {
  return useBusyAction(useICloud((s) => s.failure));
}

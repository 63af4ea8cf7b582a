import { useEffect } from 'react';
import { useBusyAction } from '../shared/use-busy-action.js';
import type { AccountView } from '../../preload/contract/models.js';
import { useSite } from './store.js';

/** One user action against the account site's API (see useBusyAction); a lost session is the store's. */
export function useAction() {
  return useBusyAction(useSite((s) => s.failure));
}

/** The signed-in account, loaded afresh when a page that shows it opens (null until then). */
export function useFreshAccount(): AccountView | null {
  const account = useSite((s) => s.account);
  const refreshAccount = useSite((s) => s.refreshAccount);
  useEffect(() => {
    void refreshAccount();
  }, [refreshAccount]);
  return account;
}

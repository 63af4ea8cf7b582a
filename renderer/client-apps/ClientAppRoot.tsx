import { useEffect, useState, type ReactNode } from 'react';
import { onRestart } from '../shared/presenter.js';
import { connectClient } from './connect.js';
import { ClientAppContext, type ClientApp } from './context.js';
import type { ClientStore } from './store.js';

/**
 * The root of each app, on its own page or as a window of the stage: gives the shared
 * components the app's store, keeps its session live (service events, reload on each
 * connection), and after a Reset & restart puts the window back as it first was — no old
 * error, no typed Apple ID, no sheet.
 */
export function ClientAppRoot({ store, keyPrefix, children }: { store: ClientStore; keyPrefix: string; children: ReactNode }) {
  const [app] = useState<ClientApp>(() => ({ store, keyPrefix }));
  useEffect(() => connectClient(store), [store]);
  useEffect(
    () =>
      onRestart(() => {
        store.setState(store.getInitialState(), true);
        void store.getState().load();
      }),
    [store],
  );
  return <ClientAppContext value={app}>{children}</ClientAppContext>;
}

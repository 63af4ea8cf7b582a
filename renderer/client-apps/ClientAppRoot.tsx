import { useEffect, useState, type ReactNode } from 'react';
import { followLanguageChanges } from '../i18n/index.js';
import { LaunchKeyNotice } from '../shared/LaunchKeyNotice.js';
import { connectClient } from './connect.js';
import { ClientAppContext, type ClientApp } from './context.js';
import type { ClientStore } from './store.js';

/**
 * The root of each app page: gives the shared components the app's store, keeps its session
 * live (service events, reload on each connection) and follows the language chosen elsewhere.
 */
export function ClientAppRoot({ store, keyPrefix, children }: { store: ClientStore; keyPrefix: string; children: ReactNode }) {
  const [app] = useState<ClientApp>(() => ({ store, keyPrefix }));
  useEffect(() => connectClient(store), [store]);
  useEffect(() => followLanguageChanges(), []);
  return (
    <ClientAppContext value={app}>
      <LaunchKeyNotice />
      {children}
    </ClientAppContext>
  );
}

import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { ClientKind } from '../../preload/contract/models.js';
import type { ClientState, ClientStore } from './store.js';

/** The app a shared component is part of: its store, and how it names itself. */
export interface ClientApp {
  store: ClientStore;
  /** i18n key prefix of the app, e.g. `clientApps.messages`. */
  keyPrefix: string;
}

export const ClientAppContext = createContext<ClientApp | null>(null);

export function useClientApp(): ClientApp {
  const app = useContext(ClientAppContext);
  if (!app) throw new Error('useClientApp outside a ClientAppContext');
  return app;
}

export function useClient<T>(selector: (state: ClientState) => T): T {
  return useStore(useClientApp().store, selector);
}

export function useClientKind(): ClientKind {
  return useClient((s) => s.clientKind);
}

import { createClientStore } from '../client-apps/store.js';

export const facetimeStore = createClientStore('facetime');

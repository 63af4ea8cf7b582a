import { createClientStore } from '../client-apps/store.js';

/** The third-party mail app: no two-step support, so only an app-specific password signs in. */
export const mailStore = createClientStore('third-party');

import { createClientStore } from '../client-apps/store.js';

/** iCloud on a new Mac: the password, then a code from a trusted device. */
export const icloudStore = createClientStore('icloud');

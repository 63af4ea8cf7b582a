import { createClientStore } from '../client-apps/store.js';

/** Messages' iMessage account: signed in with an app-specific password under two-step verification. */
export const messagesStore = createClientStore('messages');

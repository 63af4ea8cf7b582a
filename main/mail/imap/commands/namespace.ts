import { AUTHENTICATED, type CommandHandler } from './handler.js';

/** NAMESPACE (RFC 2342): one personal namespace, no prefix, "/" between levels. */
export const namespace: CommandHandler = {
  states: AUTHENTICATED,
  run(session, { tag }) {
    session.send('* NAMESPACE (("" "/")) NIL NIL');
    session.send(`${tag} OK NAMESPACE completed`);
  },
};

import { AUTHENTICATED, type CommandHandler } from './handler.js';
import { noArguments } from './no-arguments.js';

/** NAMESPACE (RFC 2342): one personal namespace, no prefix, "/" between levels. */
export const namespace: CommandHandler = {
  states: AUTHENTICATED,
  run(session, command) {
    const { tag } = command;
    if (!noArguments(session, command)) return;
    session.send('* NAMESPACE (("" "/")) NIL NIL');
    session.send(`${tag} OK NAMESPACE completed`);
  },
};

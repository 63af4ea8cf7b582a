import { AUTHENTICATED, type CommandHandler } from './handler.js';
import { noArguments } from './no-arguments.js';

/**
 * IDLE (RFC 2177): after `+ idling`, changes to the selected mailbox are told as they commit,
 * until the client sends DONE. Anything else ends the IDLE with BAD.
 */
export const idle: CommandHandler = {
  states: AUTHENTICATED,
  async run(session, command) {
    const { tag } = command;
    if (!noArguments(session, command)) return;
    session.idleListener = () => session.flushUpdates(true);
    const pending = session.awaitContinuation('idling');
    session.flushUpdates(true);
    const line = await pending;
    session.idleListener = null;
    if (line.trim().toUpperCase() !== 'DONE') {
      session.send(`${tag} BAD Expected DONE to end IDLE`);
      return;
    }
    session.send(`${tag} OK IDLE terminated`);
  },
};

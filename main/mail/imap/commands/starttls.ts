import { NOT_AUTHENTICATED, type CommandHandler } from './handler.js';
import { noArguments } from './no-arguments.js';

/** STARTTLS (RFC 3501 §6.2.1): before signing in, once; whatever was pipelined after it is dropped. */
export const starttls: CommandHandler = {
  states: NOT_AUTHENTICATED,
  run(session, command) {
    const { tag } = command;
    if (!noArguments(session, command)) return;
    if (session.tls) {
      session.send(`${tag} BAD TLS is already active`);
      return;
    }
    session.send(`${tag} OK Begin TLS negotiation now`);
    session.startTls();
  },
};

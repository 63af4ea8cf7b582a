import { NOT_AUTHENTICATED, type CommandHandler } from './handler.js';

/** STARTTLS (RFC 3501 §6.2.1): before signing in, once; whatever was pipelined after it is dropped. */
export const starttls: CommandHandler = {
  states: NOT_AUTHENTICATED,
  run(session, { tag, args }) {
    if (args.length > 0) {
      session.send(`${tag} BAD STARTTLS takes no arguments`);
      return;
    }
    if (session.tls) {
      session.send(`${tag} BAD TLS is already active`);
      return;
    }
    session.send(`${tag} OK Begin TLS negotiation now`);
    session.startTls();
  },
};

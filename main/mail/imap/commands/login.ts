import { text } from '../parsed-command.js';
import { NOT_AUTHENTICATED, type CommandHandler } from './handler.js';
import { signIn } from './sign-in.js';

/** LOGIN user password. Plain text is allowed: the server listens on loopback only. */
export const login: CommandHandler = {
  states: NOT_AUTHENTICATED,
  async run(session, { tag, args }) {
    const user = text(args[0]);
    const password = text(args[1]);
    if (args.length !== 2 || user === null || password === null) {
      session.send(`${tag} BAD LOGIN takes a user name and a password`);
      return;
    }
    await signIn(session, tag, user, password);
  },
};

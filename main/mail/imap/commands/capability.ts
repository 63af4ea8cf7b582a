import { capabilities } from '../imap-context.js';
import { ANY, type CommandHandler } from './handler.js';
import { noArguments } from './no-arguments.js';

export const capability: CommandHandler = {
  states: ANY,
  run(session, command) {
    const { tag } = command;
    if (!noArguments(session, command)) return;
    session.send(`* CAPABILITY ${capabilities(session.ctx.profile(), session.state, session.tls)}`);
    session.send(`${tag} OK ${session.ctx.profile().imap.capabilityDone(session.id)}`);
  },
};

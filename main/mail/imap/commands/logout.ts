import { ANY, type CommandHandler } from './handler.js';
import { noArguments } from './no-arguments.js';

export const logout: CommandHandler = {
  states: ANY,
  run(session, command) {
    const { tag } = command;
    if (!noArguments(session, command)) return;
    session.logout(tag);
  },
};

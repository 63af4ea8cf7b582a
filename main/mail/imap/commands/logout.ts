import { ANY, type CommandHandler } from './handler.js';

export const logout: CommandHandler = {
  states: ANY,
  run(session, { tag }) {
    session.logout(tag);
  },
};

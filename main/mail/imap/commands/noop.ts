import { ANY, SELECTED, type CommandHandler } from './handler.js';
import { noArguments } from './no-arguments.js';

/** NOOP: the way a client polls; in the Selected state it is told what changed (RFC 3501 §6.1.2). */
export const noop: CommandHandler = {
  states: ANY,
  run(session, command) {
    const { tag } = command;
    if (!noArguments(session, command)) return;
    session.flushUpdates(true);
    session.send(`${tag} OK NOOP completed`);
  },
};

/** CHECK: nothing to write out (every change is committed as it is made); answered like NOOP. */
export const check: CommandHandler = {
  states: SELECTED,
  run(session, command) {
    const { tag } = command;
    if (!noArguments(session, command)) return;
    session.flushUpdates(true);
    session.send(`${tag} OK CHECK completed`);
  },
};

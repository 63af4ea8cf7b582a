import { isNil, text, type ImapArg } from '../parsed-command.js';
import { writeValue } from '../format.js';
import { ANY, type CommandHandler } from './handler.js';

/** ID (RFC 2971): the client names itself (View History shows the name); the server answers in kind. */
export const id: CommandHandler = {
  states: ANY,
  run(session, { tag, args }) {
    const list = isNil(args[0]) ? null : args[0];
    if (args.length !== 1 || (list !== null && !Array.isArray(list))) {
      session.send(`${tag} BAD ID takes one list of field-value pairs or NIL`);
      return;
    }
    const fields = parsePairs(list);
    if (!fields) {
      session.send(`${tag} BAD ID fields must be at most 30 string pairs`);
      return;
    }
    const name = fields.get('name');
    if (name) {
      // eslint-disable-next-line no-control-regex
      session.name = name.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 64);
      if (session.state !== 'not-authenticated') session.ctx.service.recordMailClientName(session.grant, session.name);
    }
    const out: (string | Buffer)[] = ['* ID '];
    writeValue(Object.entries(session.ctx.profile().imap.id).flat(), out);
    out.push('\r\n');
    session.write(out);
    session.send(`${tag} OK ID completed`);
  },
};

function parsePairs(list: ImapArg[] | null): Map<string, string> | null {
  const fields = new Map<string, string>();
  if (list === null) return fields;
  if (list.length % 2 !== 0 || list.length > 60) return null;
  for (let i = 0; i < list.length; i += 2) {
    const key = text(list[i]);
    const value = isNil(list[i + 1]) ? '' : text(list[i + 1]);
    if (key === null || value === null || key.length > 30 || value.length > 1024) return null;
    fields.set(key.toLowerCase(), value);
  }
  return fields;
}

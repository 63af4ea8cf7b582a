import { atomText, text } from '../parsed-command.js';
import { NOT_AUTHENTICATED, type CommandHandler } from './handler.js';
import { signIn } from './sign-in.js';

/**
 * AUTHENTICATE PLAIN (RFC 4616), with the initial response on the command line (SASL-IR,
 * RFC 4959; `=` is an empty one) or after the server's `+`. `*` cancels (RFC 3501 §6.2.2).
 */
export const authenticate: CommandHandler = {
  states: NOT_AUTHENTICATED,
  async run(session, command) {
    const { tag } = command;
    const mechanism = atomText(command.args[0])?.toUpperCase() ?? null;
    if (mechanism === null || command.args.length > 2) {
      session.send(`${tag} BAD AUTHENTICATE takes a mechanism name`);
      return;
    }
    if (mechanism !== 'PLAIN') {
      session.send(`${tag} NO [CANNOT] Unsupported authentication mechanism`);
      return;
    }
    const initial = command.args.length === 2 ? text(command.args[1]) : null;
    const response = initial ?? (await session.awaitContinuation(''));
    if (response === '*') {
      session.send(`${tag} BAD Authentication cancelled`);
      return;
    }
    const credentials = decodePlain(response === '=' ? '' : response);
    if (!credentials) {
      session.send(`${tag} BAD Invalid SASL PLAIN response`);
      return;
    }
    if (credentials.authzid !== '' && credentials.authzid.toLowerCase() !== credentials.authcid.toLowerCase()) {
      session.send(`${tag} NO [AUTHORIZATIONFAILED] Authorization as another user is not allowed`);
      return;
    }
    await signIn(session, tag, credentials.authcid, credentials.password);
  },
};

function decodePlain(base64: string): { authzid: string; authcid: string; password: string } | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 !== 0) return null;
  const parts = Buffer.from(base64, 'base64').toString('utf8').split('\0');
  if (parts.length !== 3 || parts[1] === '' || parts[2] === '') return null;
  return { authzid: parts[0]!, authcid: parts[1]!, password: parts[2]! };
}


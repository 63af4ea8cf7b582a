import { text, type ParsedCommand } from '../parsed-command.js';
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
    const mechanism = mechanismOf(command);
    if (mechanism === null) {
      session.send(`${tag} BAD AUTHENTICATE takes a mechanism name`);
      return;
    }
    if (mechanism !== 'PLAIN') {
      session.send(`${tag} NO [CANNOT] Unsupported authentication mechanism`);
      return;
    }
    const initial = text(command.args[0]);
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

/** The parser reads `AUTHENTICATE PLAIN` as one command name; the mechanism is its second word. */
function mechanismOf(command: ParsedCommand): string | null {
  const words = command.command.split(' ');
  return words.length === 2 ? words[1]! : null;
}

function decodePlain(base64: string): { authzid: string; authcid: string; password: string } | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 !== 0) return null;
  const parts = Buffer.from(base64, 'base64').toString('utf8').split('\0');
  if (parts.length !== 3 || parts[1] === '' || parts[2] === '') return null;
  return { authzid: parts[0]!, authcid: parts[1]!, password: parts[2]! };
}


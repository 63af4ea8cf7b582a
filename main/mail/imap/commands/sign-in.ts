import { IdentityError } from '../../../identity/identity-error.js';
import { LOCKED_TEXT, TRY_AGAIN_TEXT } from '../../profiles.js';
import { capabilities } from '../imap-context.js';
import type { ImapSession } from '../imap-session.js';

/**
 * LOGIN and AUTHENTICATE PLAIN end here: the identity service judges the credentials (the same
 * rules, budget and lock as every other sign-in); this only turns its answer into the
 * profile's words. Nothing said tells a wrong password from an unknown Apple ID.
 */
export async function signIn(session: ImapSession, tag: string, user: string, password: string): Promise<void> {
  const imap = session.ctx.profile().imap;
  try {
    const result = await session.ctx.service.signInMail({ protocol: 'imap', appleId: user, password, clientName: session.name });
    if (session.state !== 'not-authenticated') return; // the connection ended meanwhile
    if (result.status === 'APP_SPECIFIC_PASSWORD_REQUIRED') {
      session.send(`${tag} NO ${result.level === 'two-factor' ? imap.appPasswordRequiredTwoFactor : imap.appPasswordRequired}`);
      return;
    }
    session.authenticated(result.grant);
    session.send(`${tag} OK [CAPABILITY ${capabilities(session.ctx.profile(), 'authenticated', session.tls)}] ${imap.authenticated(result.grant.appleId)}`);
  } catch (error) {
    if (!(error instanceof IdentityError)) throw error;
    switch (error.code) {
      case 'LOCKED':
      case 'HARD_LOCKED':
      case 'ACCOUNT_DISABLED':
        session.send(`${tag} NO [ALERT] ${LOCKED_TEXT}`);
        return;
      case 'TRY_AGAIN':
        session.send(`${tag} NO [UNAVAILABLE] ${TRY_AGAIN_TEXT}`);
        return;
      default:
        // INCORRECT, and a user name that is no Apple ID at all (APPLE_ID_INVALID).
        session.send(`${tag} NO ${imap.invalidCredentials}`);
    }
  }
}

import {
  trustInputs,
  type TrustedBrowserAdminView,
  type TrustedBrowserView,
  type TrustInputs,
  type TrustPlace,
} from '../../preload/contract/trusted-browsers-types.js';
import type { ServiceContext } from './service/context.js';
import {
  decideTrust,
  endTrustedBrowserById,
  openTrustedBrowsers,
  removeTrustedBrowser,
  trustedBrowsersOf,
  type BrowserName,
} from './service/trusted-browsers.js';
import { parseInput } from './validate.js';

/**
 * Two-factor authentication's "Trust this browser?" (issue 19, part B), as part of the identity
 * service: the answer after a code, My Apple ID's list and Remove, the control center's list and
 * End. Every method validates its input with the contract's schemas and fails only with an
 * IdentityError; the browser places take the session token of their cookie.
 */
export class TrustedBrowsersService {
  constructor(private readonly ctx: ServiceContext) {}

  /** The page's answer, in the session its code opened; with Trust, the new trust's token. */
  decide(place: TrustPlace, sessionToken: string, input: TrustInputs['decideTrust'], name: BrowserName): { token: string; browser: TrustedBrowserView } | null {
    const { verificationId, decision } = parseInput(trustInputs.decideTrust, input);
    return decideTrust(this.ctx, place, sessionToken, verificationId, decision, name);
  }

  /** My Apple ID: the signed-in account's trusted browsers. */
  list(sessionToken: string): TrustedBrowserView[] {
    return trustedBrowsersOf(this.ctx, sessionToken);
  }

  /** My Apple ID's Remove. */
  remove(sessionToken: string, input: TrustInputs['trustedBrowser']): TrustedBrowserView[] {
    const { browserId } = parseInput(trustInputs.trustedBrowser, input);
    return removeTrustedBrowser(this.ctx, sessionToken, browserId);
  }

  /** The control center: every account's. */
  all(): TrustedBrowserAdminView[] {
    return openTrustedBrowsers(this.ctx);
  }

  /** The control center's End. */
  end(input: TrustInputs['trustedBrowser']): void {
    const { browserId } = parseInput(trustInputs.trustedBrowser, input);
    endTrustedBrowserById(this.ctx, browserId);
  }
}

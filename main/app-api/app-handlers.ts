import type { AppContract, AppWindow } from '../../preload/contract/app-contract.js';
import type { HandlersOf } from '../../preload/contract/define.js';
import type { MailServersPanelView } from '../../preload/contract/mail-types.js';
import { IdentityError } from '../identity/identity-error.js';
import type { IdentityService } from '../identity/identity-service.js';
import { MailLanguage } from '../presenter/mail-language.js';
import type { Presenter } from '../presenter/presenter.js';
import type { MailServers } from '../mail/mail-servers.js';
import type { MailWindowClient } from '../mail/drawn-client/mail-window-client.js';
import { placesHandlers } from './places-handlers.js';
import { signedInClients } from './signed-in.js';

/** What differs between the desktop app and browser mode. */
export interface Shell {
  kind: 'desktop' | 'browser';
  accountSiteOrigin(): string;
  /** Desktop only: opens the default browser (shell.openExternal, vetted to the site's origin). */
  openInBrowser?(url: string): Promise<void>;
  /** Desktop only: opens or focuses one of the app's windows. */
  openWindow?(window: AppWindow): void;
}

/** The deep link a client app's Create button opens: the generate page with its label filled in. */
export function accountSiteUrl(origin: string, page: 'generate' | 'manage', label: string | undefined, lang: 'en' | 'ja'): string {
  const url = new URL(page === 'generate' ? '/account/app-passwords/new' : '/account', origin);
  if (label && page === 'generate') url.searchParams.set('label', label);
  url.searchParams.set('lang', lang);
  return url.toString();
}

/**
 * The handlers of the windows' contract, shared by both transports (IPC and HTTP), so the
 * desktop app and browser mode cannot drift apart. `presenter` is this launch's presenter
 * state; its clock must be the one the service was opened with.
 */
export function appHandlers(
  service: IdentityService,
  shell: Shell,
  presenter: Presenter,
  mail?: { servers: MailServers; window: MailWindowClient },
): HandlersOf<AppContract, unknown> {
  // Only a shell started without mail servers (some tests) lacks them.
  const need = () => {
    if (!mail) throw new IdentityError('NOT_FOUND');
    return mail;
  };
  // The notification mails' language follows the pages' (once per launch: one set of handlers is made per transport's server).
  const mailLanguage = mail ? new MailLanguage(presenter, mail.servers) : null;
  const mailPanel = (): MailServersPanelView => ({ ...need().servers.view(), languageChoice: mailLanguage?.choice ?? 'pages' });
  return {
    info: () => ({ accountSiteOrigin: shell.accountSiteOrigin(), shell: shell.kind }),
    clientSignIn: (input) => service.signInClient(input, { macOs: presenter.macOsVersion }),
    sendAppCode: (input) => service.sendAppCode(input),
    completeAppCodeSignIn: (input) => service.completeAppCodeSignIn(input),
    sendICloudCode: (input) => service.sendICloudCode(input),
    completeICloudSignIn: (input) => service.completeICloudSignIn(input),
    clientSession: (input) => service.clientSession(input),
    clientSessions: () => service.clientSessions(),
    signedIn: () => signedInClients(service, mail?.servers.registry.list() ?? []),
    signOutClient: (input) => {
      service.signOutClient(input);
      return {};
    },
    openAccountSite: async ({ page, label, lang, reuseOpenTab }) => {
      const url = accountSiteUrl(shell.accountSiteOrigin(), page, label, lang);
      if (shell.openInBrowser) {
        await shell.openInBrowser(url);
        return { url, opened: true };
      }
      // Browser mode: a My Apple ID tab already open shows the page, rather than one more tab.
      // (window.open cannot find it by name: the site's Cross-Origin-Opener-Policy cuts it off.)
      const { pathname, search } = new URL(url);
      return { url, opened: reuseOpenTab && presenter.navigateSiteTab(pathname + search) };
    },
    openWindow: ({ window }) => {
      if (!shell.openWindow) return { opened: false };
      shell.openWindow(window);
      return { opened: true };
    },
    runScenario: (input) => service.runScenario(input),
    activity: (input) => service.activity(input),
    deviceNotifications: () => service.deviceNotifications(),
    answerSignInRequest: (input) => service.answerSignInRequest(input),
    securityLevel: ({ appleId }) => service.securityLevel(appleId),
    resetDemo: async () => {
      // Real time first, so the new demo account is not stamped with skipped time.
      presenter.clock.reset();
      await service.resetDemo();
      // Tern Mail starts over as well: signed out, without the server's goodbye to the old demo.
      await mail?.window.signOut();
      presenter.restart();
      return {};
    },
    presenter: () => presenter.state(),
    setLanguage: ({ lang }) => presenter.setLanguage(lang),
    setTour: ({ tour }) => presenter.setTour(tour),
    setLargeType: ({ on }) => presenter.setLargeType(on),
    setMacOs: ({ version }) => presenter.setMacOs(version),
    skipClock: ({ minutes }) => presenter.skipMinutes(minutes),
    mailServers: () => mailPanel(),
    setMailSettings: ({ language, ...rest }) => {
      const { servers } = need();
      const change = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
      if (Object.keys(change).length > 0) servers.updateSettings(change);
      if (language !== undefined) mailLanguage?.choose(language);
      return mailPanel();
    },
    mailWindow: () => need().window.state(),
    mailWindowSignIn: ({ appleId, password }) => need().window.signIn(appleId, password),
    mailWindowSignOut: () => need().window.signOut(),
    mailWindowMessage: ({ uid }) => need().window.message(uid),
    ...placesHandlers(service, shell),
  };
}

import type { MailLanguageChoice } from '../../preload/contract/mail-types.js';
import type { MailServers } from '../mail/mail-servers.js';
import type { Presenter } from './presenter.js';

/**
 * The language of the notification mails (the mail servers' setting) follows the language of
 * the pages, so a Japanese stage gets Japanese mail in Tern Mail and every other client —
 * unless the presenter chose one in the control center (English mail for a Japanese audience
 * learning to read Apple's), which then holds until chosen again. The choice is the presenter's
 * for this launch, as the pages' language is: a new start follows the pages again.
 */
export class MailLanguage {
  private current: MailLanguageChoice = 'pages';

  constructor(
    private readonly presenter: Presenter,
    private readonly servers: Pick<MailServers, 'settings' | 'updateSettings'>,
  ) {
    this.follow();
    presenter.subscribe(() => this.follow());
  }

  get choice(): MailLanguageChoice {
    return this.current;
  }

  choose(choice: MailLanguageChoice): void {
    this.current = choice;
    if (choice === 'pages') this.follow();
    else if (this.servers.settings().language !== choice) this.servers.updateSettings({ language: choice });
  }

  private follow(): void {
    if (this.current !== 'pages') return;
    const lang = this.presenter.language;
    if (this.servers.settings().language !== lang) this.servers.updateSettings({ language: lang });
  }
}

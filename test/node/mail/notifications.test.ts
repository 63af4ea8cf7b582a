import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startMailServers } from '../../../main/mail/mail-servers.js';
import { extractText } from '../../../main/mail/drawn-client/message-text.js';
import { DEMO_ACCOUNT, openService, signInSite } from '../helpers/identity.js';
import { tempStorePath } from '../helpers/temp-store.js';

function inbox(mail: Awaited<ReturnType<typeof startMailServers>>, accountId: number) {
  const box = mail.mailboxes.inbox(accountId);
  return mail.mailboxes.listing(box.id).map((m) => {
    const raw = mail.mailboxes.message(box.id, m.uid)!.raw;
    const subject = /^Subject: (.*)$/m.exec(raw.toString('latin1'))?.[1] ?? '';
    return { subject, text: extractText(raw), raw: raw.toString('latin1') };
  });
}

describe('notification mails, as Apple sent them in 2015', () => {
  it('app-specific password created, password changed, two-step turned off: each in the INBOX, in English', async () => {
    const path = tempStorePath();
    const { service } = await openService({ path });
    const mail = await startMailServers({ service, dataDir: dirname(path), imapPort: 0, smtpPort: 0, imapsPort: 0, smtpsPort: 0 });
    try {
      const token = await signInSite(service);
      service.createAppPassword(token, { label: 'Thunderbird' });
      await service.changePassword(token, { currentPassword: DEMO_ACCOUNT.password, newPassword: 'Twostep-Demo-2016' });
      await service.setSecurityLevel(token, { level: 'none', currentPassword: 'Twostep-Demo-2016' });
      await mail.notificationsDelivered();
      const messages = inbox(mail, 1);
      expect(messages.map((m) => m.subject)).toEqual([
        'An app-specific password was created for your Apple ID',
        'Your Apple ID password was changed',
        'Two-step verification was turned off',
      ]);
      expect(messages[0]!.text).toContain('The following app-specific password was created for your Apple ID');
      expect(messages[0]!.text).toContain('  Thunderbird');
      expect(messages[0]!.raw).toMatch(/^From: Apple <appleid@id\.twostep\.example>$/m);
      expect(messages[0]!.raw).toMatch(/^To: demo@twostep\.example$/m);
      for (const m of messages) expect(m.text).toContain('not affiliated with Apple');
    } finally {
      await mail.close();
    }
  });

  it('in Japanese when the mail language is ja; a change made while no server ran is delivered at the next start, once', async () => {
    const path = tempStorePath();
    const { service } = await openService({ path });
    const first = await startMailServers({ service, dataDir: dirname(path), imapPort: 0, smtpPort: 0, imapsPort: 0, smtpsPort: 0 });
    first.updateSettings({ language: 'ja' });
    await first.close();
    const token = await signInSite(service);
    service.createAppPassword(token, { label: 'メール' });
    const second = await startMailServers({ service, dataDir: dirname(path), imapPort: 0, smtpPort: 0, imapsPort: 0, smtpsPort: 0 });
    const third = await (async () => {
      await second.close();
      return startMailServers({ service, dataDir: dirname(path), imapPort: 0, smtpPort: 0, imapsPort: 0, smtpsPort: 0 });
    })();
    try {
      const messages = inbox(third, 1);
      expect(messages).toHaveLength(1);
      expect(messages[0]!.text).toContain('次のラベルの App 用パスワードが');
      expect(messages[0]!.text).toContain('メール');
      expect(messages[0]!.raw).toMatch(/^Subject: =\?UTF-8\?/m);
    } finally {
      await third.close();
    }
  });

  it('a demo reset empties every mailbox with its account, and later changes are mailed again', async () => {
    const path = tempStorePath();
    const { service } = await openService({ path });
    const mail = await startMailServers({ service, dataDir: dirname(path), imapPort: 0, smtpPort: 0, imapsPort: 0, smtpsPort: 0 });
    try {
      service.createAppPassword(await signInSite(service), { label: 'One' });
      await mail.notificationsDelivered();
      await service.resetDemo();
      service.createAppPassword(await signInSite(service), { label: 'Two' });
      await mail.notificationsDelivered();
      const account = service.mailAccount(DEMO_ACCOUNT.appleId)!;
      expect(inbox(mail, account.accountId).map((m) => /\n {2}(\S+)\n/.exec(m.text)?.[1])).toEqual(['Two']);
      expect(service.database.prepare('SELECT count(*) AS n FROM mail_messages').get()).toEqual({ n: 1 });
    } finally {
      await mail.close();
    }
  });
});

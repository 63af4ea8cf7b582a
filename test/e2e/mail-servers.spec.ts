import { execFile } from 'node:child_process';
import type { Page } from '@playwright/test';
import { t } from './catalog.js';
import { expect, test, type TwoStep } from './fixtures.js';
import { DEMO, expectTernMailConnected, expectTernMailDisconnected, siteCall, signInTernMail, signInViaApi } from './helpers.js';

/** Python's smtplib, a real client, sending a message to the Apple ID itself. */
function sendWithSmtplib(twostep: TwoStep, password: string, subject: string): Promise<void> {
  const script = `
import smtplib, os
from email.message import EmailMessage
m = EmailMessage()
m['From'] = os.environ['USER']; m['To'] = os.environ['USER']; m['Subject'] = os.environ['SUBJECT']
m.set_content('Sent from a real SMTP client.')
s = smtplib.SMTP('127.0.0.1', int(os.environ['PORT']))
s.login(os.environ['USER'], os.environ['PASS'])
s.send_message(m)
s.quit()
`;
  return new Promise((resolve, reject) =>
    execFile('python3', ['-c', script], { env: { ...process.env, USER: DEMO.appleId, PASS: password, PORT: String(twostep.smtpPort), SUBJECT: subject } }, (error, _out, stderr) =>
      error ? reject(new Error(stderr)) : resolve(),
    ),
  );
}

async function openMail(page: Page, twostep: TwoStep): Promise<Page> {
  const mail = await page.context().newPage();
  await mail.goto(twostep.appUrl('/mail?lang=en'));
  return mail;
}

test('the control center lists the mail servers as a client needs them, and its profile changes what the server says', async ({ twostep, page }) => {
  await page.goto(twostep.appUrl('/control?lang=en'));
  const section = page.getByRole('region', { name: t('en', 'mailServers.title') });
  await expect(section.getByRole('row', { name: t('en', 'mailServers.imap') })).toContainText(`127.0.0.1${twostep.imapPort}`);
  await expect(section.getByRole('row', { name: t('en', 'mailServers.smtp') })).toContainText(`127.0.0.1${twostep.smtpPort}`);
  await expect(section.getByRole('row', { name: t('en', 'mailServers.imaps') })).toContainText(`127.0.0.1${twostep.imapsPort}${t('en', 'mailServers.securityTlsValue')}`);
  await expect(section.getByRole('row', { name: t('en', 'mailServers.smtps') })).toContainText(`127.0.0.1${twostep.smtpsPort}${t('en', 'mailServers.securityTlsValue')}`);
  await section.getByLabel(t('en', 'mailServers.profile')).selectOption('gmail');
  const mail = await openMail(page, twostep);
  await signInTernMail(mail, 'en', DEMO.password);
  await expect(mail.getByRole('alert')).toContainText(
    'The server responded: Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)',
  );
  await expect(mail.getByText(t('en', 'mailApp.hint.text'))).toHaveCount(0);
});

test('Tern Mail shows mail sent by a real SMTP client as it arrives, and loses its connection when its password is revoked', async ({ twostep, page }) => {
  await signInViaApi(page, twostep);
  const made = await siteCall<{ password: string; appPassword: { id: number } }>(page.request, twostep, 'createAppPassword', { label: 'Tern Mail' });
  const mail = await openMail(page, twostep);
  await signInTernMail(mail, 'en', made.value.password);
  await expectTernMailConnected(mail, 'en');
  const list = mail.getByRole('list', { name: t('en', 'mailApp.messages') });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await sendWithSmtplib(twostep, made.value.password, 'Hello from smtplib');
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await list.getByRole('button', { name: /Hello from smtplib/ }).click();
  await expect(mail.getByRole('article')).toContainText('Sent from a real SMTP client.');

  await page.goto(twostep.appUrl('/control?lang=en'));
  const sessions = page.getByRole('list', { name: t('en', 'mailServers.sessions') });
  await expect(sessions).toContainText('IMAP · demo@twostep.example · Tern Mail');
  await siteCall(page.request, twostep, 'revokeAppPassword', { appPasswordId: made.value.appPassword.id });
  await expectTernMailDisconnected(mail, 'en', 'The app-specific password of this session was revoked.');
  await expect(page.getByText(t('en', 'mailServers.noSessions'))).toBeVisible();
});

import { describe, expect, it } from 'vitest';
import { MailWindowClient } from '../../../main/mail/drawn-client/mail-window-client.js';
import { activityLog } from '../helpers/identity.js';
import { DEMO_ACCOUNT, openMail } from './mail-harness.js';

describe("Tern Mail's connection (imapflow, in main) to TwoStep's own IMAP server", () => {
  it('shows the refusal of the normal password in the server’s words, as any client gets it', async () => {
    const h = await openMail({ profile: 'gmail' });
    const client = new MailWindowClient(() => h.mail.imapPort);
    const state = await client.signIn(DEMO_ACCOUNT.appleId, DEMO_ACCOUNT.password);
    expect(state).toMatchObject({ status: 'signed-out', appleId: DEMO_ACCOUNT.appleId, refusal: { kind: 'incorrect' }, ended: null });
    expect(state.status === 'signed-out' && state.refusal?.serverText).toContain('Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)');
    await client.close();
  });

  it('signs in with the app-specific password, names itself (View History: "Tern Mail"), lists and reads the INBOX, and sees new mail', async () => {
    // Fastmail listed ID before signing in, so the sign-in itself is logged with the name
    // (iCloud listed it only after: the name then reaches View History a moment later).
    const h = await openMail({ profile: 'fastmail' });
    const client = new MailWindowClient(() => h.mail.imapPort);
    const changes: string[] = [];
    client.onChange(() => changes.push(client.state().status));
    const state = await client.signIn(DEMO_ACCOUNT.appleId, h.appPassword);
    expect(state).toMatchObject({ status: 'connected', appleId: DEMO_ACCOUNT.appleId, messages: [{ uid: 1, subject: 'An app-specific password was created for your Apple ID', seen: false }] });
    expect(h.service.listAppPasswords(h.token)[0]).toMatchObject({ lastUsedBy: 'Tern Mail' });
    expect(activityLog(h.service).filter((e) => e.event === 'sign-in' && e.source === 'imap').at(-1)?.detail.client).toBe('Tern Mail');
    const message = await client.message(1);
    expect(message?.text).toContain('The following app-specific password was created for your Apple ID');
    expect(client.state()).toMatchObject({ messages: [{ uid: 1, seen: true }] });
    h.mail.mailboxes.deliver(1, Buffer.from('From: demo@twostep.example\r\nSubject: Second\r\n\r\nhi\r\n'), Date.now());
    await expect.poll(() => (client.state().status === 'connected' ? client.state() : null)).toMatchObject({ messages: [{ subject: 'Second' }, { uid: 1 }] });
    await client.close();
  });

  it('is thrown out when its app-specific password is revoked, with the BYE’s reason', async () => {
    const h = await openMail();
    const client = new MailWindowClient(() => h.mail.imapPort);
    await client.signIn(DEMO_ACCOUNT.appleId, h.appPassword);
    h.service.revokeAppPassword(h.token, { appPasswordId: h.appPasswordId });
    await expect.poll(() => client.state(), { timeout: 2000 }).toEqual({
      status: 'signed-out',
      appleId: DEMO_ACCOUNT.appleId,
      refusal: null,
      ended: 'The app-specific password of this session was revoked.',
    });
    await client.close();
  });
});

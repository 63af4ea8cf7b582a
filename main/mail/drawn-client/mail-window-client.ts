import type { FetchMessageObject, ImapFlow } from 'imapflow';
import type { MailListItem, MailMessageView, MailRefusal, MailWindowState } from '../../../preload/contract/mail-types.js';
import { extractText } from './message-text.js';

/** The drawn third-party mail app's name, as it tells the server (IMAP ID) and View History shows it. */
export const DRAWN_MAIL_APP_NAME = 'Tern Mail';

/**
 * The drawn mail app's IMAP client, in main: a real connection to TwoStep's own IMAP server with
 * imapflow, so the window shows exactly what a real client gets — the server's refusal, the
 * INBOX with its notification mails, new mail as it arrives (IDLE), and the BYE when its
 * app-specific password is revoked.
 */
export class MailWindowClient {
  private client: ImapFlow | null = null;
  private current: MailWindowState = { status: 'signed-out', appleId: null, refusal: null, ended: null };
  private readonly listeners = new Set<() => void>();

  constructor(private readonly imapPort: () => number) {}

  state(): MailWindowState {
    return this.current;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async signIn(appleId: string, password: string): Promise<MailWindowState> {
    await this.signOut(false);
    // Loaded when the window first signs in, not with every start of TwoStep.
    const { ImapFlow } = await import('imapflow');
    const client = new ImapFlow({
      host: '127.0.0.1',
      port: this.imapPort(),
      secure: false,
      // Loopback: plain, as the README allows; a real client would take STARTTLS.
      doSTARTTLS: false,
      auth: { user: appleId, pass: password },
      clientInfo: { name: DRAWN_MAIL_APP_NAME, version: '1.0', vendor: 'TwoStep (drawn app)' },
      logger: false,
      // IDLE right after each command: new mail shows at once, as a client with push does.
      autoIdleDelay: 100,
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
    } catch (error) {
      this.set({ status: 'signed-out', appleId, refusal: refusalOf(error), ended: null });
      return this.current;
    }
    this.client = client;
    client.on('close', () => {
      if (this.client !== client) return;
      this.client = null;
      this.set({ status: 'signed-out', appleId, refusal: null, ended: client.byeReason ?? 'The server closed the connection.' });
    });
    client.on('exists', () => void this.refresh(client, appleId));
    client.on('expunge', () => void this.refresh(client, appleId));
    await client.mailboxOpen('INBOX');
    await this.refresh(client, appleId);
    return this.current;
  }

  async signOut(notify = true): Promise<MailWindowState> {
    const client = this.client;
    this.client = null;
    if (client) await client.logout().catch(() => client.close());
    if (notify) this.set({ status: 'signed-out', appleId: this.current.appleId, refusal: null, ended: null });
    return this.current;
  }

  /** One message's text, read as the client reads it (BODY.PEEK[] then decoded; marks it seen). */
  async message(uid: number): Promise<MailMessageView | null> {
    const client = this.client;
    if (!client) return null;
    const message = await client.fetchOne(String(uid), { uid: true, source: true, envelope: true, internalDate: true }, { uid: true });
    if (!message || !message.source) return null;
    await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
    if (this.current.status === 'connected') await this.refresh(client, this.current.appleId);
    return {
      uid,
      from: addressText(message),
      to: message.envelope?.to?.map((a) => a.address ?? '').join(', ') ?? '',
      subject: message.envelope?.subject ?? '',
      date: dateOf(message),
      text: extractText(message.source),
    };
  }

  async close(): Promise<void> {
    await this.signOut(false);
  }

  private async refresh(client: ImapFlow, appleId: string): Promise<void> {
    const messages: MailListItem[] = [];
    if (client.mailbox && client.mailbox.exists > 0) {
      for await (const m of client.fetch('1:*', { uid: true, envelope: true, flags: true, internalDate: true })) {
        messages.push({ uid: m.uid, from: addressText(m), subject: m.envelope?.subject ?? '', date: dateOf(m), seen: m.flags?.has('\\Seen') ?? false });
      }
    }
    if (this.client !== client) return;
    this.set({ status: 'connected', appleId, messages: messages.reverse() });
  }

  private set(state: MailWindowState): void {
    this.current = state;
    for (const listener of this.listeners) listener();
  }
}

function addressText(m: FetchMessageObject): string {
  const from = m.envelope?.from?.[0];
  return from ? (from.name ? `${from.name} <${from.address ?? ''}>` : (from.address ?? '')) : '';
}

function dateOf(m: FetchMessageObject): number {
  const d = m.internalDate;
  return d instanceof Date ? d.getTime() : typeof d === 'string' ? Date.parse(d) : 0;
}

/** How imapflow reports a refused LOGIN: the server's words, and what kind of refusal they are. */
function refusalOf(error: unknown): MailRefusal {
  const e = error as { responseText?: string; serverResponseCode?: string; message?: string };
  const serverText = e.responseText ?? e.message ?? 'Connection failed';
  if (/locked/i.test(serverText)) return { kind: 'locked', serverText };
  if (e.serverResponseCode === 'UNAVAILABLE' || !('responseText' in (e as object))) return { kind: 'unavailable', serverText };
  return { kind: 'incorrect', serverText };
}

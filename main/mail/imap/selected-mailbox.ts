import type { MailboxRow, MailboxStore, MessageMeta } from '../store/mailbox-store.js';

/**
 * What a session in the Selected state knows of its mailbox: a snapshot of the messages (their
 * order gives the message sequence numbers) that changes only when the session tells the client
 * (RFC 3501 §7.4.1: numbers may not shift under a client unannounced).
 */
export class SelectedMailbox {
  private messages: MessageMeta[];

  constructor(
    readonly box: MailboxRow,
    readonly readOnly: boolean,
    private readonly store: MailboxStore,
  ) {
    this.messages = store.listing(box.id);
  }

  get count(): number {
    return this.messages.length;
  }

  get all(): readonly MessageMeta[] {
    return this.messages;
  }

  /** The message at a sequence number (1-based). */
  at(seq: number): MessageMeta | undefined {
    return this.messages[seq - 1];
  }

  largestUid(): number {
    return this.messages.at(-1)?.uid ?? 0;
  }

  /** The sequence number of the first unseen message, for SELECT's [UNSEEN n]. */
  firstUnseen(): number | null {
    const index = this.messages.findIndex((m) => !m.flags.includes('\\Seen'));
    return index === -1 ? null : index + 1;
  }

  /** Records flags this session itself stored (so no update is sent back for them). */
  noteFlags(uid: number, flags: string[]): void {
    const message = this.messages.find((m) => m.uid === uid);
    if (message) message.flags = flags;
  }

  /**
   * Brings the snapshot up to date and returns the untagged lines that tell the client:
   * `* n EXPUNGE` (highest first, so no number shifts before it is said) when `expunges` may be
   * sent, new messages as `* n EXISTS`, and flags others changed as `* n FETCH (UID u FLAGS (…))`.
   */
  refresh(expunges: boolean): string[] {
    const now = this.store.listing(this.box.id);
    const lines: string[] = [];
    const current = new Map(now.map((m) => [m.uid, m]));
    if (expunges) {
      for (let i = this.messages.length - 1; i >= 0; i--) {
        if (!current.has(this.messages[i]!.uid)) {
          lines.push(`* ${i + 1} EXPUNGE`);
          this.messages.splice(i, 1);
        }
      }
    }
    this.messages.forEach((m, i) => {
      const latest = current.get(m.uid);
      if (latest && latest.flags.join(' ') !== m.flags.join(' ')) {
        m.flags = latest.flags;
        lines.push(`* ${i + 1} FETCH (UID ${m.uid} FLAGS (${m.flags.join(' ')}))`);
      }
    });
    const largest = this.largestUid();
    const added = now.filter((m) => m.uid > largest);
    if (added.length > 0) {
      this.messages.push(...added);
      lines.push(`* ${this.messages.length} EXISTS`);
    }
    return lines;
  }

  /** After this session's EXPUNGE: the lines for the removed UIDs, in the order RFC 3501 §7.4.1 wants. */
  removed(uids: number[]): string[] {
    const gone = new Set(uids);
    const lines: string[] = [];
    for (let i = this.messages.length - 1; i >= 0; i--) {
      if (gone.has(this.messages[i]!.uid)) {
        lines.push(`* ${i + 1} EXPUNGE`);
        this.messages.splice(i, 1);
      }
    }
    return lines;
  }
}

import type { MailboxRow, MailboxStore, MessageMeta } from '../store/mailbox-store.js';

/**
 * What a session in the Selected state knows of its mailbox: a snapshot of the messages (their
 * order gives the message sequence numbers) that changes only when the session tells the client
 * (RFC 3501 §7.4.1: numbers may not shift under a client unannounced), and which of them are
 * \Recent for this session (§2.3.2: the first session to select the mailbox read-write is told
 * of a new message as recent, no other; EXAMINE shows them without taking them).
 */
export class SelectedMailbox {
  private messages: MessageMeta[];
  private readonly recent = new Set<number>();

  constructor(
    readonly box: MailboxRow,
    readonly readOnly: boolean,
    private readonly store: MailboxStore,
  ) {
    this.messages = store.listing(box.id);
    this.noteRecent(this.messages);
  }

  get count(): number {
    return this.messages.length;
  }

  get all(): readonly MessageMeta[] {
    return this.messages;
  }

  get recentCount(): number {
    return this.recent.size;
  }

  /** The message at a sequence number (1-based). */
  at(seq: number): MessageMeta | undefined {
    return this.messages[seq - 1];
  }

  isRecent(uid: number): boolean {
    return this.recent.has(uid);
  }

  /** The flags a FETCH shows: the stored ones, and \Recent where it applies to this session. */
  flagsOf(message: { uid: number; flags: string[] }): string[] {
    return this.recent.has(message.uid) ? [...message.flags, '\\Recent'] : message.flags;
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
   * sent, new messages as `* n EXISTS` and `* n RECENT`, and flags others changed as
   * `* n FETCH (UID u FLAGS (…))`.
   */
  refresh(expunges: boolean): string[] {
    const now = this.store.listing(this.box.id);
    const lines: string[] = [];
    const current = new Map(now.map((m) => [m.uid, m]));
    if (expunges) {
      for (let i = this.messages.length - 1; i >= 0; i--) {
        if (!current.has(this.messages[i]!.uid)) {
          lines.push(`* ${i + 1} EXPUNGE`);
          this.recent.delete(this.messages[i]!.uid);
          this.messages.splice(i, 1);
        }
      }
    }
    this.messages.forEach((m, i) => {
      const latest = current.get(m.uid);
      if (latest && latest.flags.join(' ') !== m.flags.join(' ')) {
        m.flags = latest.flags;
        lines.push(`* ${i + 1} FETCH (UID ${m.uid} FLAGS (${this.flagsOf(m).join(' ')}))`);
      }
    });
    const largest = this.largestUid();
    const added = now.filter((m) => m.uid > largest);
    if (added.length > 0) {
      this.messages.push(...added);
      this.noteRecent(added);
      lines.push(`* ${this.messages.length} EXISTS`, `* ${this.recent.size} RECENT`);
    }
    return lines;
  }

  /** After this session's EXPUNGE or MOVE: the lines for the removed UIDs, in the order RFC 3501 §7.4.1 wants. */
  removed(uids: number[]): string[] {
    const gone = new Set(uids);
    const lines: string[] = [];
    for (let i = this.messages.length - 1; i >= 0; i--) {
      if (gone.has(this.messages[i]!.uid)) {
        lines.push(`* ${i + 1} EXPUNGE`);
        this.recent.delete(this.messages[i]!.uid);
        this.messages.splice(i, 1);
      }
    }
    return lines;
  }

  /** Takes (read-write) or only reads (read-only) which of these new messages are \Recent here. */
  private noteRecent(added: MessageMeta[]): void {
    if (added.length === 0) return;
    const through = added.at(-1)!.uid;
    const before = this.readOnly ? (this.store.mailboxById(this.box.id)?.recent_through ?? through) : this.store.claimRecent(this.box, through);
    for (const m of added) if (m.uid > before) this.recent.add(m.uid);
  }
}

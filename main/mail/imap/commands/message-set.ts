import type { MessageMeta } from '../../store/mailbox-store.js';
import type { SelectedMailbox } from '../selected-mailbox.js';
import { parseSequenceSet } from '../sequence-set.js';

/**
 * The messages a sequence set names, with their sequence numbers: by number, or by UID for the
 * UID commands (where `*` is the largest UID, and UIDs that no longer exist are just absent).
 * Null: a malformed set, or (by number) one past the last message — a BAD.
 */
export function messagesIn(mailbox: SelectedMailbox, set: string, byUid: boolean): { seq: number; message: MessageMeta }[] | null {
  const largest = byUid ? mailbox.largestUid() : mailbox.count;
  const contains = parseSequenceSet(set, largest);
  if (!contains) return null;
  if (!byUid && !/\*/.test(set) && set.split(/[,:]/).some((n) => Number(n) > mailbox.count)) return null;
  const found: { seq: number; message: MessageMeta }[] = [];
  mailbox.all.forEach((message, i) => {
    if (contains(byUid ? message.uid : i + 1)) found.push({ seq: i + 1, message });
  });
  return found;
}

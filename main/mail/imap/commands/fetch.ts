import { bodyStructure } from '../../mime/body-structure.js';
import { envelope } from '../../mime/envelope.js';
import { parseMime, type MimeNode } from '../../mime/mime-tree.js';
import { parseSection, sectionBytes, sectionName, type Section } from '../../mime/sections.js';
import { internalDate, writeValue } from '../format.js';
import type { ImapSession } from '../imap-session.js';
import { text, type ImapArg, type ImapNode, type ParsedCommand } from '../parsed-command.js';
import { SELECTED, type CommandHandler } from './handler.js';
import { messagesIn } from './message-set.js';

type Item =
  | { kind: 'FLAGS' | 'UID' | 'RFC822.SIZE' | 'INTERNALDATE' | 'ENVELOPE' | 'BODYSTRUCTURE' | 'BODY' }
  | { kind: 'section'; name: 'BODY' | 'RFC822' | 'RFC822.HEADER' | 'RFC822.TEXT'; section: Section; peek: boolean; partial: [number, number] | null };

const MACROS: Record<string, string[]> = {
  ALL: ['FLAGS', 'INTERNALDATE', 'RFC822.SIZE', 'ENVELOPE'],
  FAST: ['FLAGS', 'INTERNALDATE', 'RFC822.SIZE'],
  FULL: ['FLAGS', 'INTERNALDATE', 'RFC822.SIZE', 'ENVELOPE', 'BODY'],
};
const SIMPLE = new Set(['FLAGS', 'UID', 'RFC822.SIZE', 'INTERNALDATE', 'ENVELOPE', 'BODYSTRUCTURE', 'BODY']);

/** The items asked for, or null when one is not FETCH grammar (a BAD). */
function parseItems(arg: ImapArg | undefined): Item[] | null {
  if (!arg) return null;
  const nodes = Array.isArray(arg) ? arg : [arg];
  const items: Item[] = [];
  for (const node of nodes) {
    if (!node || Array.isArray(node) || node.type !== 'ATOM') return null;
    const name = node.value.toUpperCase();
    if (!node.section && MACROS[name] && !Array.isArray(arg)) {
      for (const m of MACROS[name]) items.push({ kind: m as 'FLAGS' });
      continue;
    }
    if (!node.section && SIMPLE.has(name)) {
      items.push({ kind: name as 'FLAGS' });
      continue;
    }
    const item = sectionItem(name, node);
    if (!item) return null;
    items.push(item);
  }
  return items.length > 0 ? items : null;
}

function sectionItem(name: string, node: ImapNode): Item | null {
  const partial = node.partial ?? null;
  if (name === 'RFC822' || name === 'RFC822.HEADER' || name === 'RFC822.TEXT') {
    if (node.section) return null;
    const text = name === 'RFC822' ? '' : name === 'RFC822.HEADER' ? 'HEADER' : 'TEXT';
    return { kind: 'section', name, section: { path: [], text, fields: [] }, peek: name === 'RFC822.HEADER', partial: null };
  }
  if ((name !== 'BODY' && name !== 'BODY.PEEK') || !node.section) return null;
  const [specNode, fieldList] = node.section;
  const spec = specNode && !Array.isArray(specNode) ? specNode.value : '';
  const fields = Array.isArray(fieldList) ? fieldList.map((f) => text(f) ?? '') : [];
  const section = parseSection(spec, fields);
  if (!section) return null;
  return { kind: 'section', name: 'BODY', section, peek: name === 'BODY.PEEK', partial };
}

/** FETCH and UID FETCH (RFC 3501 §6.4.5): one `* n FETCH (…)` per message, in order. */
function fetching(byUid: boolean): CommandHandler {
  return {
    states: SELECTED,
    run(session, command) {
      run(session, command, byUid);
    },
  };
}

function run(session: ImapSession, { tag, args }: ParsedCommand, byUid: boolean): void {
  const mailbox = session.selected!;
  const set = text(args[0]);
  const items = parseItems(args[1]);
  if (args.length !== 2 || set === null || !items) {
    session.send(`${tag} BAD FETCH takes a sequence set and data items`);
    return;
  }
  const messages = messagesIn(mailbox, set, byUid);
  if (!messages) {
    session.send(`${tag} BAD Invalid sequence set`);
    return;
  }
  if (byUid && !items.some((i) => i.kind === 'UID')) items.unshift({ kind: 'UID' });
  const store = session.ctx.mailboxes;
  const seen: { uid: number; flags: string[] }[] = [];
  for (const { seq, message } of messages) {
    const needsBody = items.some((i) => i.kind === 'ENVELOPE' || i.kind === 'BODYSTRUCTURE' || i.kind === 'BODY' || i.kind === 'section');
    const stored = needsBody ? store.message(mailbox.box.id, message.uid) : null;
    if (needsBody && !stored) continue; // expunged by another session meanwhile: nothing to say yet
    let tree: MimeNode | null = null;
    const mime = () => (tree ??= parseMime(stored!.raw));
    const marksSeen = !mailbox.readOnly && items.some((i) => i.kind === 'section' && !i.peek) && !message.flags.includes('\\Seen');
    if (marksSeen) {
      message.flags = [...message.flags, '\\Seen'];
      seen.push({ uid: message.uid, flags: message.flags });
    }
    const out: (string | Buffer)[] = [`* ${seq} FETCH (`];
    const withFlags = marksSeen && !items.some((i) => i.kind === 'FLAGS') ? [...items, { kind: 'FLAGS' as const }] : items;
    withFlags.forEach((item, i) => {
      if (i > 0) out.push(' ');
      switch (item.kind) {
        case 'FLAGS':
          out.push(`FLAGS (${mailbox.flagsOf(message).join(' ')})`);
          break;
        case 'UID':
          out.push(`UID ${message.uid}`);
          break;
        case 'RFC822.SIZE':
          out.push(`RFC822.SIZE ${message.size}`);
          break;
        case 'INTERNALDATE':
          out.push(`INTERNALDATE "${internalDate(message.internalDate)}"`);
          break;
        case 'ENVELOPE':
          out.push('ENVELOPE ');
          writeValue(envelope(mime()), out);
          break;
        case 'BODYSTRUCTURE':
        case 'BODY':
          out.push(`${item.kind} `);
          writeValue(bodyStructure(mime(), item.kind === 'BODYSTRUCTURE'), out);
          break;
        case 'section': {
          const whole = sectionBytes(stored!.raw, mime(), item.section);
          const [start, length] = item.partial ?? [0, whole.length];
          const bytes = whole.subarray(Math.min(start, whole.length), Math.min(whole.length, start + length));
          const label = item.name === 'BODY' ? `BODY[${sectionName(item.section)}]${item.partial ? `<${start}>` : ''}` : item.name;
          out.push(`${label} `);
          writeValue(bytes, out);
          break;
        }
      }
    });
    out.push(')\r\n');
    session.write(out);
  }
  if (seen.length > 0) {
    store.setFlags(mailbox.box, seen);
    for (const s of seen) mailbox.noteFlags(s.uid, s.flags);
  }
  session.flushUpdates(byUid);
  session.send(`${tag} OK ${byUid ? 'UID FETCH' : 'FETCH'} completed`);
}

export const fetch = fetching(false);
export const uidFetch = fetching(true);

import addressparser from 'nodemailer/lib/addressparser';
import { fieldValue, type MimeNode } from './mime-tree.js';
import { Joined, type ImapValue } from '../imap/format.js';

/** One address as ENVELOPE lists it: (name adl mailbox host). */
function address(name: string, email: string): ImapValue[] {
  const at = email.lastIndexOf('@');
  const mailbox = at === -1 ? email : email.slice(0, at);
  const host = at === -1 ? null : email.slice(at + 1);
  return [name === '' ? null : name, null, mailbox === '' ? null : mailbox, host];
}

/** An address header as ENVELOPE's list, groups as RFC 3501 writes them (start and end markers). */
function addressList(value: string | null): ImapValue {
  if (value === null || value.trim() === '') return null;
  const list: ImapValue[] = [];
  for (const entry of addressparser(value)) {
    if ('group' in entry && entry.group) {
      list.push([null, null, entry.name ?? '', null]);
      for (const member of entry.group) list.push(address(member.name, member.address ?? ''));
      list.push([null, null, null, null]);
    } else if ('address' in entry) {
      list.push(address(entry.name, entry.address));
    }
  }
  // Addresses follow one another with no space between them: `((…)(…))` (RFC 3501 §9, env-to).
  return list.length > 0 ? [new Joined(list)] : null;
}

/** ENVELOPE (RFC 3501 §7.4.2): date, subject, from, sender, reply-to, to, cc, bcc, in-reply-to, message-id. */
export function envelope(node: MimeNode): ImapValue[] {
  const get = (key: string) => fieldValue(node.fields, key);
  const from = addressList(get('from'));
  return [
    get('date'),
    get('subject'),
    from,
    addressList(get('sender')) ?? from,
    addressList(get('reply-to')) ?? from,
    addressList(get('to')),
    addressList(get('cc')),
    addressList(get('bcc')),
    get('in-reply-to'),
    get('message-id'),
  ];
}

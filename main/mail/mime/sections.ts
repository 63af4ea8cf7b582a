import type { MimeNode } from './mime-tree.js';

/** A FETCH section (RFC 3501 §6.4.5): a part path, then HEADER, HEADER.FIELDS[.NOT], TEXT, MIME or nothing. */
export interface Section {
  path: number[];
  text: '' | 'HEADER' | 'HEADER.FIELDS' | 'HEADER.FIELDS.NOT' | 'TEXT' | 'MIME';
  fields: string[];
}

/** Parses `1.2.MIME`, `HEADER.FIELDS` (with its list), ``; null when malformed (BAD). */
export function parseSection(spec: string, fields: string[]): Section | null {
  const parts = spec === '' ? [] : spec.toUpperCase().split('.');
  const path: number[] = [];
  while (parts.length > 0 && /^[1-9]\d{0,4}$/.test(parts[0]!)) path.push(Number(parts.shift()));
  const text = parts.join('.');
  if (text !== '' && text !== 'HEADER' && text !== 'HEADER.FIELDS' && text !== 'HEADER.FIELDS.NOT' && text !== 'TEXT' && text !== 'MIME') return null;
  if (text === 'MIME' && path.length === 0) return null;
  const needsFields = text === 'HEADER.FIELDS' || text === 'HEADER.FIELDS.NOT';
  if (needsFields !== fields.length > 0) return null;
  return { path, text, fields: fields.map((f) => f.toLowerCase()) };
}

/** How the section is named in the answer: `BODY[1.HEADER.FIELDS (FROM TO)]`. */
export function sectionName(section: Section): string {
  const spec = [...section.path.map(String), ...(section.text ? [section.text] : [])].join('.');
  const fields = section.fields.length > 0 ? ` (${section.fields.map((f) => f.toUpperCase()).join(' ')})` : '';
  return `${spec}${fields}`;
}

/** The part a path names, or null when the message has no such part (then the answer is empty). */
function partAt(root: MimeNode, path: number[]): MimeNode | null {
  let node = root;
  for (const n of path) {
    if (node !== root && node.message && node.contentType.type === 'message') node = node.message;
    if (node.contentType.type === 'multipart') {
      const child = node.children[n - 1];
      if (!child) return null;
      node = child;
    } else if (n !== 1) {
      return null;
    }
  }
  return node;
}

/** The bytes of a section of the message whose raw bytes are `raw` and tree is `root`. */
export function sectionBytes(raw: Buffer, root: MimeNode, section: Section): Buffer {
  if (section.path.length === 0 && section.text === '') return raw;
  const part = partAt(root, section.path);
  if (!part) return Buffer.alloc(0);
  if (section.text === 'MIME') return part.header;
  if (section.text === '') {
    return part.body;
  }
  // HEADER and TEXT of a part address the message it carries (a message/rfc822 part).
  const message = section.path.length === 0 ? root : part.message;
  if (!message) return Buffer.alloc(0);
  if (section.text === 'TEXT') return message.body;
  if (section.text === 'HEADER') return message.header;
  return filterHeader(message.header, section.fields, section.text === 'HEADER.FIELDS.NOT');
}

/** The header's fields named (or, with `not`, those not named), folded lines kept, then the blank line. */
function filterHeader(header: Buffer, names: string[], not: boolean): Buffer {
  const lines = header.toString('latin1').split(/(?<=\n)/);
  const kept: string[] = [];
  let keep = false;
  for (const line of lines) {
    if (line === '\r\n' || line === '\n') break;
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (keep) kept.push(line);
      continue;
    }
    const name = line.slice(0, Math.max(0, line.indexOf(':'))).trim().toLowerCase();
    keep = names.includes(name) !== not;
    if (keep) kept.push(line);
  }
  return Buffer.from(kept.join('') + '\r\n', 'latin1');
}

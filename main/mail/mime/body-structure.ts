import { envelope } from './envelope.js';
import { fieldValue, parseDisposition, type MimeNode } from './mime-tree.js';
import { Joined, type ImapValue } from '../imap/format.js';

function paramList(params: [string, string][]): ImapValue {
  return params.length === 0 ? null : params.flatMap(([k, v]) => [k.toUpperCase(), v]);
}

export function lineCount(body: Buffer): number {
  let lines = 0;
  for (let i = body.indexOf(0x0a); i !== -1; i = body.indexOf(0x0a, i + 1)) lines++;
  // A last line without its CRLF is a line too.
  if (body.length > 0 && body[body.length - 1] !== 0x0a) lines++;
  return lines;
}

function disposition(node: MimeNode): ImapValue {
  const value = fieldValue(node.fields, 'content-disposition');
  if (!value) return null;
  const parsed = parseDisposition(value);
  return [parsed.value.toUpperCase(), paramList(parsed.params)];
}

function language(node: MimeNode): ImapValue {
  const value = fieldValue(node.fields, 'content-language');
  return value ? value.split(',').map((s) => s.trim()) : null;
}

/**
 * BODYSTRUCTURE (`extended`) or BODY, as RFC 3501 §7.4.2 writes them. A leaf: type, subtype,
 * parameters, id, description, encoding, size — then lines for text, or the carried message's
 * envelope, structure and lines for message/rfc822 — then MD5, disposition, language, location.
 * A multipart: its parts back to back, the subtype, then parameters, disposition, language,
 * location.
 */
export function bodyStructure(node: MimeNode, extended: boolean): ImapValue[] {
  const { type, subtype, params } = node.contentType;
  if (type === 'multipart') {
    const parts = node.children.length > 0 ? node.children.map((c) => bodyStructure(c, extended)) : [EMPTY_TEXT];
    const structure: ImapValue[] = [new Joined(parts), subtype.toUpperCase()];
    if (extended) structure.push(paramList(params), disposition(node), language(node), fieldValue(node.fields, 'content-location'));
    return structure;
  }
  const structure: ImapValue[] = [
    type.toUpperCase(),
    subtype.toUpperCase(),
    paramList(params),
    fieldValue(node.fields, 'content-id'),
    fieldValue(node.fields, 'content-description'),
    (fieldValue(node.fields, 'content-transfer-encoding') ?? '7BIT').toUpperCase(),
    node.body.length,
  ];
  if (type === 'message' && subtype === 'rfc822' && node.message) {
    structure.push(envelope(node.message), bodyStructure(node.message, extended), lineCount(node.body));
  } else if (type === 'text') {
    structure.push(lineCount(node.body));
  }
  if (extended) structure.push(fieldValue(node.fields, 'content-md5'), disposition(node), language(node), fieldValue(node.fields, 'content-location'));
  return structure;
}

/** A multipart that lost its parts still shows one, empty (a structure needs one part at least). */
const EMPTY_TEXT: ImapValue[] = ['TEXT', 'PLAIN', ['CHARSET', 'US-ASCII'], null, null, '7BIT', 0, 0];

import libmime from 'libmime';
import { decode as decodeCharset } from 'libmime/lib/charset.js';
import { fieldValue, param, type MimeNode } from './mime-tree.js';

/**
 * A message as SEARCH reads it (RFC 3501 §6.4.4): header values with their encoded-words
 * decoded (RFC 2047, any charset libmime knows — ISO-2022-JP included), and the text of its
 * text parts with the transfer encoding (base64, quoted-printable) and the charset undone. All
 * compared case-insensitively, as substrings.
 */
export function decodedHeader(value: string): string {
  try {
    return libmime.decodeWords(value);
  } catch {
    return value;
  }
}

/** Every value of a header field, decoded (a message may carry a field more than once). */
export function headerValues(node: MimeNode, key: string): string[] {
  return node.fields.filter((f) => f.key === key.toLowerCase()).map((f) => decodedHeader(f.value));
}

/** The decoded text of every text part (and of attached messages' parts), joined by newlines. */
export function bodyText(node: MimeNode, depth = 0): string {
  if (depth > 16) return '';
  if (node.children.length > 0) return node.children.map((c) => bodyText(c, depth + 1)).join('\n');
  if (node.message) return `${headerText(node.message)}\n${bodyText(node.message, depth + 1)}`;
  if (node.contentType.type !== 'text') return '';
  return decodeCharset(transferDecoded(node), param(node.contentType, 'charset') ?? 'us-ascii');
}

/** The header block, decoded: what TEXT searches beside the body. */
export function headerText(node: MimeNode): string {
  return node.fields.map((f) => `${f.key}: ${decodedHeader(f.value)}`).join('\n');
}

function transferDecoded(node: MimeNode): Buffer {
  const encoding = (fieldValue(node.fields, 'content-transfer-encoding') ?? '').trim().toLowerCase();
  if (encoding === 'base64') return Buffer.from(node.body.toString('latin1').replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  if (encoding === 'quoted-printable') return quotedPrintable(node.body);
  return node.body;
}

/** RFC 2045 §6.7: `=XX` is a byte, `=` at a line's end joins it to the next. */
function quotedPrintable(body: Buffer): Buffer {
  const text = body.toString('latin1').replace(/=\r?\n/g, '');
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text[i] === '=' ? /^[0-9A-Fa-f]{2}$/.exec(text.slice(i + 1, i + 3)) : null;
    if (hex) {
      out.push(parseInt(hex[0], 16));
      i += 2;
    } else out.push(text.charCodeAt(i) & 0xff);
  }
  return Buffer.from(out);
}

import { parseMime, param, fieldValue, type MimeNode } from '../mime/mime-tree.js';

/** The first text/plain part of a message, transfer-decoded and read in its charset. */
export function extractText(raw: Buffer): string {
  const part = firstPlain(parseMime(raw));
  if (!part) return '';
  const encoding = (fieldValue(part.fields, 'content-transfer-encoding') ?? '7bit').toLowerCase();
  const bytes = encoding === 'base64' ? Buffer.from(part.body.toString('latin1').replace(/\s+/g, ''), 'base64') : encoding === 'quoted-printable' ? quotedPrintable(part.body) : part.body;
  const charset = (param(part.contentType, 'charset') ?? 'utf-8').toLowerCase();
  try {
    return new TextDecoder(charset).decode(bytes).replace(/\r\n/g, '\n');
  } catch {
    return bytes.toString('utf8').replace(/\r\n/g, '\n');
  }
}

function firstPlain(node: MimeNode): MimeNode | null {
  if (node.contentType.type === 'text' && node.contentType.subtype === 'plain') return node;
  for (const child of node.children) {
    const found = firstPlain(child);
    if (found) return found;
  }
  return null;
}

function quotedPrintable(body: Buffer): Buffer {
  const text = body.toString('latin1').replace(/=\r?\n/g, '');
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text[i] === '=' ? text.slice(i + 1, i + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      out.push(parseInt(hex, 16));
      i += 2;
    } else out.push(text.charCodeAt(i) & 0xff);
  }
  return Buffer.from(out);
}

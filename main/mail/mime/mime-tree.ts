/**
 * A message split into its MIME parts, keeping the raw bytes of each part's header and body:
 * IMAP's FETCH answers BODY[1.2], BODY[1.MIME], BODY[TEXT] with exactly those bytes
 * (RFC 3501 §6.4.5), so nothing here decodes or rewrites a part.
 */
export interface HeaderField {
  /** Lower-case name. */
  key: string;
  /** Unfolded, as written (encoded-words are left encoded, as ENVELOPE wants them). */
  value: string;
}

export interface ContentType {
  type: string;
  subtype: string;
  params: [string, string][];
}

export interface MimeNode {
  /** The header block, including the blank line that ends it. */
  header: Buffer;
  fields: HeaderField[];
  body: Buffer;
  contentType: ContentType;
  /** multipart/*: the parts, in order. */
  children: MimeNode[];
  /** message/rfc822: the message it carries. */
  message: MimeNode | null;
}

const MAX_DEPTH = 16;

export function parseMime(raw: Buffer, defaultType: ContentType = TEXT_PLAIN, depth = 0): MimeNode {
  const split = headerEnd(raw);
  const header = raw.subarray(0, split);
  const body = raw.subarray(split);
  const fields = parseFields(header.toString('latin1'));
  const contentTypeValue = fieldValue(fields, 'content-type');
  const contentType = contentTypeValue ? parseContentType(contentTypeValue) ?? defaultType : defaultType;
  const node: MimeNode = { header, fields, body, contentType, children: [], message: null };
  if (depth >= MAX_DEPTH) return node;
  if (contentType.type === 'multipart') {
    const boundary = param(contentType, 'boundary');
    if (boundary) {
      const childDefault = contentType.subtype === 'digest' ? MESSAGE_RFC822 : TEXT_PLAIN;
      node.children = splitMultipart(body, boundary).map((part) => parseMime(part, childDefault, depth + 1));
    }
  } else if (contentType.type === 'message' && contentType.subtype === 'rfc822') {
    node.message = parseMime(body, TEXT_PLAIN, depth + 1);
  }
  return node;
}

export const TEXT_PLAIN: ContentType = { type: 'text', subtype: 'plain', params: [['charset', 'us-ascii']] };
const MESSAGE_RFC822: ContentType = { type: 'message', subtype: 'rfc822', params: [] };

export function fieldValue(fields: HeaderField[], key: string): string | null {
  return fields.find((f) => f.key === key)?.value ?? null;
}

export function param(contentType: ContentType, name: string): string | null {
  return contentType.params.find(([key]) => key === name)?.[1] ?? null;
}

/** Where the header ends: after the first empty line (CRLF or bare LF), or the whole input. */
function headerEnd(raw: Buffer): number {
  if (raw[0] === 0x0a) return 1;
  if (raw[0] === 0x0d && raw[1] === 0x0a) return 2;
  for (let i = 0; i < raw.length - 1; i++) {
    if (raw[i] !== 0x0a) continue;
    if (raw[i + 1] === 0x0a) return i + 2;
    if (raw[i + 1] === 0x0d && raw[i + 2] === 0x0a) return i + 3;
  }
  return raw.length;
}

function parseFields(text: string): HeaderField[] {
  const fields: HeaderField[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line === '') continue;
    if ((line.startsWith(' ') || line.startsWith('\t')) && fields.length > 0) {
      fields[fields.length - 1]!.value += ' ' + line.trim();
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    fields.push({ key: line.slice(0, colon).trim().toLowerCase(), value: line.slice(colon + 1).trim() });
  }
  return fields;
}

/** `type/subtype; name=value; name="quoted value"` (RFC 2045 §5.1). */
export function parseContentType(value: string): ContentType | null {
  const [head, ...rest] = splitParams(value);
  const match = /^\s*([^/\s]+)\s*\/\s*([^\s;]+)\s*$/.exec(head ?? '');
  if (!match) return null;
  return { type: match[1]!.toLowerCase(), subtype: match[2]!.toLowerCase(), params: parseParams(rest) };
}

/** `inline; filename="a.txt"` → the disposition and its parameters. */
export function parseDisposition(value: string): { value: string; params: [string, string][] } {
  const [head, ...rest] = splitParams(value);
  return { value: (head ?? '').trim().toLowerCase(), params: parseParams(rest) };
}

function parseParams(parts: string[]): [string, string][] {
  const params: [string, string][] = [];
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const key = part.slice(0, eq).trim().toLowerCase();
    let val = part.slice(eq + 1).trim();
    if (val.startsWith('"') && val.endsWith('"') && val.length >= 2) val = val.slice(1, -1).replace(/\\(.)/g, '$1');
    params.push([key, val]);
  }
  return params;
}

/** Splits at semicolons outside quoted strings. */
function splitParams(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '\\' && quoted && i + 1 < value.length) {
      current += ch + value[++i];
      continue;
    }
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts;
}

/** The parts between `--boundary` lines; the preamble and epilogue are dropped. */
function splitMultipart(body: Buffer, boundary: string): Buffer[] {
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  const parts: Buffer[] = [];
  let start = -1;
  let pos = 0;
  while (pos <= body.length) {
    const found = body.indexOf(delimiter, pos);
    if (found === -1) break;
    const atLineStart = found === 0 || body[found - 1] === 0x0a;
    const after = found + delimiter.length;
    if (!atLineStart) {
      pos = after;
      continue;
    }
    const closing = body[after] === 0x2d && body[after + 1] === 0x2d;
    if (start !== -1) {
      // The CRLF before the delimiter belongs to the delimiter (RFC 2046 §5.1.1).
      let end = found - 1;
      if (end > start && body[end - 1] === 0x0d) end -= 1;
      parts.push(body.subarray(start, Math.max(start, end)));
    }
    if (closing) return parts;
    const lineEnd = body.indexOf(0x0a, after);
    if (lineEnd === -1) return parts;
    start = lineEnd + 1;
    pos = start;
  }
  if (start !== -1 && start < body.length) parts.push(body.subarray(start));
  return parts;
}

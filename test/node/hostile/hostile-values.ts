import fc from 'fast-check';
import { MAX_BODY_BYTES } from '../../../main/server/contract-routes.js';

/**
 * The raw material of the hostile-input suite: strings and values an attacker (or a broken
 * client) might send. Each list is plain data so a failing case names its input exactly.
 */

export const SQL_INJECTION = [
  "' OR 1=1 --",
  "'; DROP TABLE accounts; --",
  "'; DELETE FROM activity_log; --",
  '" OR ""="',
  "demo@twostep.example' --",
  "' UNION SELECT password_hash FROM accounts --",
  "1; UPDATE accounts SET security_level='none'",
  "%' OR '%'='",
  "\\'; --",
  'x\'); ATTACH DATABASE \'/tmp/evil.db\' AS evil; --',
];

export const MARKUP_INJECTION = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg/onload=alert(1)>",
  'javascript:alert(1)',
  '{{constructor.constructor("alert(1)")()}}',
  '${process.exit(1)}',
  '<!--',
  ']]><x>',
  '&lt;b&gt;&#x3c;',
  '%3Cscript%3E',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  'http://evil.example/',
  'a\r\nSet-Cookie: twostep_site=forged',
];

export const CONTROL_CHARACTERS = ['\u0000', '\u0007', '\b', '\t', '\n', '\r', '\u001b[31m', '\u007f', '\u0085', '\u009b', '\u2028', '\u2029'];

/** Zero-width and bidi characters: invisible, or reordering what is shown. */
export const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u202a', '\u202d', '\u202e', '\u2060', '\u2066', '\u2069', '\ufeff', '\u00ad', '\u034f', '\u180e'];

/** Prototype-pollution and inherited-member names, as object keys and method names. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isPrototypeOf'];

/** The demo Apple ID disguised: fullwidth, Cyrillic, combining marks, NFD, zero-width, bidi, case and spaces. */
export function lookAlikes(appleId: string): string[] {
  const [local = '', domain = ''] = appleId.split('@');
  const fullwidth = (s: string) => s.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
  const cyrillic = (s: string) => s.replace('a', '\u0430').replace('e', '\u0435').replace('o', '\u043e');
  return [
    appleId.toUpperCase() + ' ',
    ` ${appleId}\t`,
    `\n${appleId}\r\n`,
    appleId.replace(/./, (c) => c.toUpperCase()),
    fullwidth(appleId),
    `${fullwidth(local)}@${domain}`,
    `${local}\uff20${domain}`,
    cyrillic(appleId),
    `${cyrillic(local)}@${domain}`,
    `${local.slice(0, 1)}\u0301${local.slice(1)}@${domain}`,
    `${local}@${domain}`.normalize('NFD').replace('e', 'e\u0301'),
    `${local.replace('e', '\u00e9')}@${domain}`,
    `${local.replace('e', '\u00e9')}@${domain}`.normalize('NFD'),
    `${local.slice(0, 2)}\u200b${local.slice(2)}@${domain}`,
    `\u202e${appleId}`,
    `${appleId}\u202e`,
    `\ufeff${appleId}`,
    `${local}@${domain}.`,
    `${local}.@${domain}`,
    `${local}+x@${domain}`,
    `${local}@${domain}\u0000`,
    `${local}@${domain}%00`,
    `"${local}"@${domain}`,
    `${local}@${domain.toUpperCase()}`,
    `${local.replace('k', '\u212a')}@${domain}`, // KELVIN SIGN lower-cases to 'k'
    `${local.replace('i', '\u0130')}@${domain}`, // dotted capital I lower-cases to 'i' + U+0307
    `${local.replace('s', '\u017f')}@${domain}`, // long s
    `${local}@${domain.replace('.', '\u3002')}`, // ideographic full stop
    `${local}@xn--${domain}`,
    `${local}@${domain}`.replace('o', '0'),
    `${local}@${domain}`.replace('l', '1'),
  ];
}

export const CONSTANT_HOSTILE_STRINGS = [
  '',
  ' ',
  '\u3000',
  'null',
  'undefined',
  'NaN',
  '[object Object]',
  '0',
  '-1',
  '1e309',
  '0x10',
  '\ud800',
  '\udfff',
  '\ud83d\ude00',
  '\u0301\u0301\u0301',
  'Z\u0351\u0364\u0365\u0352\u036b\u0313\u0307\u036b\u0350\u0346\u0350\u0344\u030a\u0357\u0302a\u0302\u0350\u0304\u0346\u0310l\u0313\u034a\u0304go',
  '\u0130\u0131\u212a\u017f',
  'ﬀﬁﬂ',
  '\uffff\ufffe',
  ...SQL_INJECTION,
  ...MARKUP_INJECTION,
  ...CONTROL_CHARACTERS,
  ...INVISIBLE,
  ...PROTOTYPE_KEYS,
  ...lookAlikes('demo@twostep.example'),
];

/** A long string: around the fields' limits (60, 254, 256), and up to and beyond the 16 KB body limit. */
export const hugeString = fc
  .tuple(
    fc.constantFrom(59, 60, 61, 253, 254, 255, 256, 257, 1000, 4096, MAX_BODY_BYTES - 64, MAX_BODY_BYTES, MAX_BODY_BYTES + 1, 20_000),
    fc.constantFrom('A', '1', ' ', 'é', '\u200b', '\ud83d\ude00', "'", '<'),
  )
  .map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)));

/** Any string a hostile client might type. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...CONSTANT_HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: hugeString },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.constantFrom(...CONSTANT_HOSTILE_STRINGS, 'demo', '@', '.', '123456', 'A'), { minLength: 2, maxLength: 6 })
      .map((parts) => parts.join('')),
  },
);

/**
 * Apple IDs the email pattern accepts though they carry SQL or markup-ish characters (the
 * pattern allows `'`, `+` and `-` in the local part): well-formed, yet hostile.
 */
export const hostileEmail: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom("x'", "'OR'1'='1", "a'--", "'+OR+1=1--", "x';DROP-TABLE-accounts--", 'demo', "o'brien", '-', "1'1"),
    fc.constantFrom('twostep.example', 'evil.example', 'TWOSTEP.EXAMPLE', 'xn--80ak6aa92e.com'),
    fc.constantFrom('', ' ', '  \t'),
  )
  .map(([local, domain, pad]) => `${pad}${local}@${domain}${pad}`);

/** What JSON can carry, of every type but the one a field expects. */
export const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -1, 2 ** 31, 2 ** 31 + 1, 2 ** 53, 2 ** 53 + 2, Number.MAX_VALUE, -Number.MAX_VALUE, 1e-300, 0.5),
  hostileString,
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
);

/** What structured clone (IPC) can carry besides JSON: undefined, NaN, BigInt, Date, Map, typed arrays… */
export const ipcValue: fc.Arbitrary<unknown> = fc.oneof(
  jsonValue,
  fc.constantFrom(undefined, Number.NaN, Infinity, -Infinity, -0),
  fc.bigInt(),
  fc.date({ noInvalidDate: false }),
  fc.constant(new Map([['appleId', 'demo@twostep.example']])),
  fc.constant(new Set(['demo@twostep.example'])),
  fc.constant(new Uint8Array([1, 2, 3])),
  fc.constant(/x/g),
  fc.constant(new Error('boom')),
  fc.constant(Object.create(null) as object),
  // eslint-disable-next-line no-sparse-arrays
  fc.constant([, 1]),
);

/** A key no method's input has: pollution keys, hostile strings, look-alikes of real keys. */
export function extraKey(known: readonly string[]): fc.Arbitrary<string> {
  const lookAlikeKeys = known.flatMap((k) => [k.toUpperCase(), ` ${k}`, `${k}\u200b`, `${k}.`, `${k}[]`, k.replace(/[a-z]/, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))]);
  return fc
    .oneof(
      fc.constantFrom(...PROTOTYPE_KEYS, 'admin', 'isAdmin', 'role', 'accountId', 'token', 'id', ''),
      lookAlikeKeys.length > 0 ? fc.constantFrom(...lookAlikeKeys) : fc.constant('x'),
      hostileString.filter((s) => s.length < 200),
    )
    .filter((k) => !known.includes(k));
}

/** The JSON text of an object whose keys are written as given, so `__proto__` becomes an own key when parsed. */
export function jsonObjectText(entries: readonly (readonly [string, unknown])[]): string {
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`;
}

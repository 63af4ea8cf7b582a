// libmime's exports map gives `./lib/*.js` no types condition; its charset module's own types.
declare module 'libmime/lib/charset.js' {
  export function decode(buf: Buffer | string, fromCharset?: string): string;
}

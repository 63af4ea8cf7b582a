// emailjs-imap-handler ships no types: the part TwoStep uses, as its src/parser.js defines it.
// It is CommonJS, so Node's ESM loader gives its exports as the default export.
declare module 'emailjs-imap-handler' {
  const handler: { parser(command: Uint8Array, options?: { allowUntagged?: boolean }): unknown };
  export default handler;
}

/** The largest number a sequence set may name (RFC 3501 §9 nz-number: a 32-bit unsigned). */
const MAX_NUMBER = 4_294_967_295;

const SET = /^(\d+|\*)(:(\d+|\*))?(,(\d+|\*)(:(\d+|\*))?)*$/;

/**
 * A sequence set (RFC 3501 §9: `1,3:5,7:*`) resolved against the selected mailbox's message
 * numbers or UIDs. `*` is the largest number in use (0 when the mailbox is empty, so it names
 * nothing there); `n:m` is the same as `m:n`. Returns null for a malformed set (the command
 * then gets BAD).
 */
export function parseSequenceSet(text: string, largest: number): ((n: number) => boolean) | null {
  if (!SET.test(text)) return null;
  const ranges: [number, number][] = [];
  for (const piece of text.split(',')) {
    const [a, b] = piece.split(':');
    const number = (x: string) => (x === '*' ? largest : Number(x));
    const from = number(a!);
    const to = b === undefined ? from : number(b);
    for (const x of [a!, b ?? a!]) if (x !== '*' && (Number(x) === 0 || Number(x) > MAX_NUMBER)) return null;
    ranges.push([Math.min(from, to), Math.max(from, to)]);
  }
  return (n) => ranges.some(([lo, hi]) => n >= lo && n <= hi);
}

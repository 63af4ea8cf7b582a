/**
 * A sequence set (RFC 3501 §9: `1,3:5,7:*`) resolved against the selected mailbox's message
 * numbers or UIDs. `*` is the largest number in use; `n:m` is the same as `m:n`. Returns null
 * for a malformed set (the command then gets BAD).
 */
export function parseSequenceSet(text: string, largest: number): ((n: number) => boolean) | null {
  if (!/^(\d+|\*)(:(\d+|\*))?(,(\d+|\*)(:(\d+|\*))?)*$/.test(text)) return null;
  const ranges: [number, number][] = [];
  for (const piece of text.split(',')) {
    const [a, b] = piece.split(':');
    const from = a === '*' ? largest : Number(a);
    const to = b === undefined ? from : b === '*' ? largest : Number(b);
    if (from === 0 || to === 0 || !Number.isSafeInteger(from) || !Number.isSafeInteger(to)) return null;
    ranges.push([Math.min(from, to), Math.max(from, to)]);
  }
  return (n) => ranges.some(([lo, hi]) => n >= lo && n <= hi);
}

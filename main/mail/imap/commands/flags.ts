/** A flag a client may store: a system flag other than \Recent, or a keyword atom (RFC 3501 §2.3.2). */
const STORABLE = /^(\\(Seen|Answered|Flagged|Deleted|Draft)|[A-Za-z0-9$_.+-]{1,64})$/i;

export function isStorableFlag(flag: string): boolean {
  return STORABLE.test(flag);
}

/** System flags in their usual case (`\seen` → `\Seen`); keywords as written. */
export function canonicalFlag(flag: string): string {
  const system = /^\\(seen|answered|flagged|deleted|draft)$/i.exec(flag);
  return system ? `\\${system[1]![0]!.toUpperCase()}${system[1]!.slice(1).toLowerCase()}` : flag;
}

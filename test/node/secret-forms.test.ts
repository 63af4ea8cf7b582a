import { describe, expect, it } from 'vitest';
import { normalizeAppPassword, normalizeRecoveryKey } from '../../main/identity/crypto/secrets.js';

// What a person may type or paste for an app-specific password or a recovery key, and what is
// one character off: a near miss must never be taken for the real thing (it would sign in with
// a password that was not given out).
describe('an app-specific password as typed', () => {
  it.each([
    ['abcd-efgh-ijkl-mnop', 'as the account site shows it'],
    ['ABCD-EFGH-IJKL-MNOP', 'in capitals'],
    ['abcdefghijklmnop', 'without dashes'],
    ['abcd efgh ijkl mnop', 'with spaces'],
    [' abcd-efgh-ijkl-mnop ', 'with the spaces a copy picks up'],
  ])('%s (%s) is the password abcdefghijklmnop', (typed) => {
    expect(normalizeAppPassword(typed)).toBe('abcdefghijklmnop');
  });

  it.each([
    ['xabcd-efgh-ijkl-mnop', 'a letter too many before'],
    ['abcd-efgh-ijkl-mnopx', 'a letter too many after'],
    ['a-efgh-ijkl-mnop', 'a group of one'],
    ['abcd-e-ijkl-mnop', 'a second group of one'],
    ['abcd-efgh-i-mnop', 'a third group of one'],
    ['abcd-efgh-ijkl-m', 'a last group of one'],
    ['1234-efgh-ijkl-mnop', 'digits in the first group'],
    ['abcd-1234-ijkl-mnop', 'digits in the second group'],
    ['abcd-efgh-1234-mnop', 'digits in the third group'],
    ['abcd-efgh-ijkl-1234', 'digits in the last group'],
    ['abcdefghijklmnopq', 'seventeen letters'],
    ['1abcdefghijklmnop', 'a digit before sixteen letters'],
    ['abcdefghijklmno', 'fifteen letters'],
  ])('%s (%s) is no app-specific password', (typed) => {
    expect(normalizeAppPassword(typed)).toBeNull();
  });
});

describe('a recovery key as typed', () => {
  it.each(['ABCD-EFGH-JKLM-NP', 'abcd efgh jklm np', 'ABCDEFGHJKLMNP'])('%s is the key ABCDEFGHJKLMNP', (typed) => {
    expect(normalizeRecoveryKey(typed)).toBe('ABCDEFGHJKLMNP');
  });

  it.each(['ABCD-EFGH-JKLM-NPQ', '!ABCDEFGHJKLMNP', 'ABCDEFGHJKLMNP!', 'ABCD-EFGH-JKLM-N'])('%s is no recovery key', (typed) => {
    expect(normalizeRecoveryKey(typed)).toBeNull();
  });
});

import type { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '../../preload/contract/error-codes.js';
import { IdentityError } from './identity-error.js';

const KNOWN_CODES = new Set<string>(ERROR_CODES);

/**
 * Parses input at a boundary. A failure becomes one IdentityError: the code of the first
 * issue when its message names one (e.g. `errors.APPLE_ID_INVALID`), else INVALID_INPUT,
 * with every field's message key so a form can mark each wrong field.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    messageKey: isMessageKey(issue.message) ? issue.message : 'errors.INVALID_INPUT',
  }));
  const first = fields[0]?.messageKey ?? '';
  const code = first.startsWith('errors.') && KNOWN_CODES.has(first.slice(7)) ? (first.slice(7) as ErrorCode) : 'INVALID_INPUT';
  throw new IdentityError(code, undefined, fields);
}

function isMessageKey(message: string): boolean {
  return /^(errors|fields)\.[A-Za-z_.]+$/.test(message);
}

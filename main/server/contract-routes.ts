import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Result } from '../../preload/contract/error-codes.js';
import type { AnyContract, HandlersOf } from '../../preload/contract/define.js';
import { IdentityError } from '../identity/identity-error.js';
import { parseInput } from '../identity/validate.js';

export const MAX_BODY_BYTES = 16 * 1024;

/**
 * `application/json`, with parameters or none (RFC 9110 §8.3.1) — not merely a type that starts
 * so, such as `application/jsonp` or `application/json-patch+json`.
 */
export function isJson(contentType: string | undefined): boolean {
  return contentType !== undefined && /^application\/json[\t ]*(;.*)?$/i.test(contentType.trim());
}

/**
 * The one generic HTTP dispatcher of a contract: `POST <base>/<method>` with a JSON body.
 * The body is parsed with the method's schema before its handler runs; the answer is a
 * `Result`. Unknown methods are 404, other verbs 405, non-JSON and oversized bodies refused.
 */
export function mountContract<C extends AnyContract, Ctx>(
  app: Hono,
  base: string,
  contract: C,
  handlers: HandlersOf<C, Ctx>,
  context: (c: Context) => Ctx,
): void {
  const methods = new Map(Object.entries(contract));
  app.all(`${base}/:method`, async (c, next) => {
    if (!methods.has(c.req.param('method'))) throw new IdentityError('NOT_FOUND');
    if (c.req.method !== 'POST') {
      c.header('Allow', 'POST');
      throw new IdentityError('METHOD_NOT_ALLOWED');
    }
    await next();
  });
  app.post(
    `${base}/:method`,
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new IdentityError('PAYLOAD_TOO_LARGE');
      },
    }),
    async (c) => {
      const name = c.req.param('method');
      const spec = methods.get(name)!;
      if (!isJson(c.req.header('content-type'))) throw new IdentityError('INVALID_INPUT');
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        throw new IdentityError('INVALID_INPUT');
      }
      const input = parseInput(spec.input, body);
      const handler = handlers[name as keyof C] as (input: unknown, ctx: Ctx) => unknown;
      const value = await handler(input, context(c));
      return c.json({ ok: true, value } satisfies Result<unknown>);
    },
  );
}

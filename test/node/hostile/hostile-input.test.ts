import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { AnyContract } from '../../../preload/contract/define.js';
import type { ErrorPayload } from '../../../preload/contract/error-codes.js';
import { isSitePath } from '../../../preload/contract/site-routes.js';
import { isICloudWebPath } from '../../../preload/contract/place-routes.js';
import { MAX_BODY_BYTES } from '../../../main/server/contract-routes.js';
import { APP_PAGES } from '../../../main/server/app-server.js';
import { SESSION_COOKIE } from '../../../main/server/account-site-handlers.js';
import {
  APP_HOST,
  CONTRACTS,
  countCase,
  DEMO_ACCOUNT,
  describeDiff,
  diff,
  expectNoLeak,
  expectRefusal,
  expectResult,
  holds,
  openWorld,
  OTHER_ACCOUNT,
  request,
  requiredKeys,
  samplesOf,
  schemaRefusal,
  shapesOf,
  SITE_HOST,
  snapshot,
  tally,
  typeOf,
  type Answer,
  type ContractName,
  type TableDiff,
  type World,
} from './harness.js';
import {
  extraKey,
  hostileEmail,
  hostileString,
  hugeString,
  ipcValue,
  jsonObjectText,
  jsonValue,
  lookAlikes,
  PROTOTYPE_KEYS,
} from './hostile-values.js';

const RUNS = { perMethod: 120, routes: 300, small: 150 };
const classes = { malformed: 0, wellFormed: 0, accepted: 0 };

afterAll(() => {
  const methods = tally.methods.size;
  const routes = tally.routes.size;
  console.log(
    `hostile input: ${tally.cases} cases over ${methods} methods and ${routes} routes, ${tally.failures} failures ` +
      `(${classes.malformed} malformed, ${classes.wellFormed} well-formed but refused, ${classes.accepted} accepted)`,
  );
});

type Transport = 'http' | 'ipc';

interface Case {
  kind: string;
  /** What the server sees (for HTTP: the JSON text parsed). */
  value: unknown;
  /** HTTP only: the body as sent. */
  text?: string;
  /** Invalid whatever the schema says: not an object, an extra key, a missing field, a wrong type. */
  invalidByConstruction: boolean;
}

const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort().join();

/** Inputs built from a valid sample of the method: each changed in one hostile way. */
function hostileInputs(method: string, schema: z.ZodType, transport: Transport): fc.Arbitrary<Case> {
  const samples = samplesOf(method, schema);
  const shapes = shapesOf(schema);
  const value = transport === 'ipc' ? ipcValue : jsonValue;
  const encode = (kind: string, entries: [string, unknown][], invalidByConstruction: boolean): Case => {
    const text = jsonObjectText(entries);
    return { kind, value: JSON.parse(text), text, invalidByConstruction };
  };
  const pick = fc.nat({ max: Math.max(0, samples.length - 1) });
  const options: fc.Arbitrary<Case>[] = [
    // Not an object at all.
    fc
      .oneof(
        fc.constant(null),
        fc.boolean(),
        fc.integer(),
        hostileString,
        fc.array(value, { maxLength: 3 }),
        fc.constant(samples.slice(0, 1)),
        ...(transport === 'ipc' ? [fc.constantFrom(undefined, Number.NaN, -0, 10n)] : []),
      )
      .map((v): Case => {
        if (transport === 'ipc') return { kind: 'not an object', value: v, invalidByConstruction: true };
        const text = JSON.stringify(v ?? null);
        return { kind: 'not an object', value: JSON.parse(text), text, invalidByConstruction: true };
      }),
    // One key too many: pollution keys, look-alikes of real keys, anything.
    pick.chain((i) => {
      const sample = samples[i] ?? {};
      return fc
        .tuple(extraKey(Object.keys(sample)), fc.oneof(jsonValue, fc.constant(JSON.parse('{"__proto__":{"polluted":true}}') as unknown)))
        .map(([key, extra]): Case => encode(`extra key ${JSON.stringify(key).slice(0, 40)}`, [...Object.entries(sample), [key, extra]], true));
    }),
    // A wrong type in one field.
    pick.chain((i) => {
      const sample = samples[i] ?? {};
      const shape = shapes[i] ?? {};
      const keys = Object.keys(sample);
      if (keys.length === 0) return fc.constant<Case>({ kind: 'array body', value: [], text: '[]', invalidByConstruction: true });
      // Of another type than the sample's, and not one the field takes too (undefined where optional, null where nullable).
      return fc
        .tuple(fc.constantFrom(...keys), value)
        .filter(([key, v]) => typeOf(v) !== typeOf(sample[key]) && !shape[key]!.safeParse(v).success)
        .map(([key, v]): Case => {
          if (transport === 'http') return encode(`wrong type in ${key}`, Object.entries({ ...sample, [key]: v }), true);
          return { kind: `wrong type in ${key}`, value: { ...sample, [key]: v }, invalidByConstruction: true };
        });
    }),
    // A hostile value of the right type (the schema decides: these may be valid).
    pick.chain((i) => {
      const sample = samples[i] ?? {};
      const keys = Object.keys(sample).filter((k) => typeof sample[k] === 'string' || typeof sample[k] === 'number');
      if (keys.length === 0) return fc.constant<Case>({ kind: 'null body', value: null, text: 'null', invalidByConstruction: true });
      return fc
        .tuple(
          fc.constantFrom(...keys),
          hostileString,
          hostileEmail,
          fc.constantFrom(0, -1, 0.5, 2 ** 31 + 1, 2 ** 53 + 2, Number.MAX_VALUE, -0),
        )
        .map(([key, s, email, n]): Case => {
          const v = typeof sample[key] === 'number' ? n : key === 'appleId' && s.length % 2 === 0 ? email : s;
          return encode(`hostile ${key}`, Object.entries({ ...sample, [key]: v }), false);
        });
    }),
  ];
  // A required field missing.
  const withRequired = shapes.flatMap((shape, i) => requiredKeys(shape).map((key) => [i, key] as const));
  if (withRequired.length > 0) {
    options.push(
      fc.constantFrom(...withRequired).map(([i, key]): Case => {
        const rest = Object.entries(samples[i] ?? {}).filter(([k]) => k !== key);
        return encode(`missing ${key}`, rest, true);
      }),
    );
  }
  // IPC: an object without a prototype, with a real own `__proto__` key.
  if (transport === 'ipc') {
    options.push(
      pick.map((i): Case => {
        const input = Object.assign(Object.create(null) as Record<string, unknown>, samples[i]);
        Object.defineProperty(input, '__proto__', { value: { polluted: true }, enumerable: true });
        return { kind: 'null prototype with own __proto__', value: input, invalidByConstruction: true };
      }),
    );
  }
  return fc.oneof(...options);
}

/** Tables an accepted (valid) hostile input may write, besides appending to the activity log. */
const MAY_WRITE: Record<string, string[]> = {
  'site.createAppPassword': ['app_passwords'],
  'site.addTrustedPhone': ['trusted_devices'],
  // The control center's "change password" scenario, for an Apple ID that exists: a new password, apps and sessions signed out.
  'app.runScenario': ['accounts', 'client_sessions', 'account_site_sessions', 'app_passwords'],
};

/** A string with a lone surrogate half: SQLite cannot store it as given (see the report: labels are stored mangled). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What a refused but well-formed input may change: its own failure, counted and logged. */
function expectRefusalChanges(changes: Map<string, TableDiff>, accounts: string[], what: string): void {
  for (const [table, change] of changes) {
    expect(change.deleted, `${what}: deleted rows of ${table}`).toEqual([]);
    if (table === 'activity_log') {
      expect(change.updated, `${what}: rewrote the activity log`).toEqual([]);
      for (const row of change.inserted) {
        expect(['failure', 'info'], `${what}: logged ${JSON.stringify(row)}`).toContain(row.outcome);
        expect(accounts, `${what}: logged for ${String(row.apple_id)}`).toContain(row.apple_id);
      }
    } else if (table === 'accounts') {
      expect(change.inserted, `${what}: created an account`).toEqual([]);
      for (const u of change.updated) {
        expect(accounts, `${what}: changed the account ${String(u.after.apple_id)}`).toContain(u.after.apple_id);
        for (const column of u.columns) expect(['failed_attempts', 'locked_until', 'hard_locked']).toContain(column);
      }
    } else if (table === 'verifications') {
      expect(change.inserted).toEqual([]);
      for (const u of change.updated) for (const column of u.columns) expect(['code_attempts']).toContain(column);
    } else {
      expect.fail(`${what}: a refused input changed ${table} (${describeDiff(changes)})`);
    }
  }
}

function expectValidAccepted(
  world: World,
  contract: ContractName,
  method: string,
  parsed: unknown,
  value: unknown,
  changes: Map<string, TableDiff>,
  what: string,
): void {
  const allowed = new Set(['activity_log', ...(MAY_WRITE[`${contract}.${method}`] ?? [])]);
  for (const [table, change] of changes) {
    expect(allowed.has(table), `${what}: an accepted ${method} wrote ${table} (${describeDiff(changes)})`).toBe(true);
    expect(change.deleted, `${what}: deleted rows of ${table}`).toEqual([]);
    if (table === 'activity_log') expect(change.updated).toEqual([]);
  }
  if (method === 'createAppPassword') {
    const label = (parsed as { label: string }).label;
    const stored = changes.get('app_passwords')?.inserted.map((r) => r.label);
    expect(stored).toHaveLength(1);
    expect((value as { appPassword: { label: string } }).appPassword.label).toBe(label);
    // A lone surrogate is not text (SQLite would store U+FFFD): the schema refuses it.
    expect(label).not.toMatch(LONE_SURROGATE);
    expect(stored).toEqual([label]);
  }
  if (method === 'openAccountSite') {
    const { url } = value as { url: string };
    const parsedUrl = new URL(url);
    expect(parsedUrl.origin).toBe(`http://${SITE_HOST}`);
    const { label, page } = parsed as { label?: string; page: string };
    if (page === 'generate' && label) expect(parsedUrl.searchParams.get('label')).toBe(label);
    if (contract === 'app' && world.shellCalls.length > 0) expect(world.shellCalls.at(-1)).toBe(`browser ${url}`);
  }
}

/** Runs one hostile input through a transport and checks the answer and the store. */
async function check(world: World, contract: ContractName, transport: Transport, method: string, c: Case): Promise<void> {
  const spec = (CONTRACTS[contract] as AnyContract)[method]!;
  const what = `${transport} ${contract}.${method} <${c.kind}> ${(c.text ?? show(c.value)).slice(0, 120)}`;
  const expected = schemaRefusal(spec.input, c.value);
  if (c.invalidByConstruction) expect(expected, `the schema of ${contract}.${method} accepted ${what}`).not.toBeNull();

  const before = snapshot(world.service);
  const eventsBefore = world.events.length;
  const shellBefore = world.shellCalls.length;
  let answer: Pick<Answer, 'json' | 'text'> & { status?: number };
  if (transport === 'http') {
    const app = contract === 'site' ? world.site : world.app;
    const host = contract === 'site' ? SITE_HOST : APP_HOST;
    answer = await request(app, host, `/api/${contract}/${method}`, { body: c.text ?? 'null', headers: contract === 'site' ? world.siteHeaders : {} });
  } else {
    const json = await world.ipc(method, c.value);
    answer = { json, text: JSON.stringify(json) };
  }
  const changes = diff(before, snapshot(world.service));
  const tooLarge = transport === 'http' && Buffer.byteLength(c.text ?? '') > MAX_BODY_BYTES;

  if (expected || tooLarge) {
    classes.malformed++;
    const error = expectRefusal(answer);
    expect(error, what).toEqual(tooLarge ? { code: 'PAYLOAD_TOO_LARGE', messageKey: 'errors.PAYLOAD_TOO_LARGE' } : expected);
    expect(describeDiff(changes), `${what} changed the store`).toBe('');
    expect(world.events.length, `${what} published events`).toBe(eventsBefore);
    expect(world.shellCalls.length, `${what} reached the shell`).toBe(shellBefore);
  } else {
    const result = expectResult(answer);
    const parsed = spec.input.parse(c.value) as Record<string, unknown>;
    if (result.ok) {
      classes.accepted++;
      expectValidAccepted(world, contract, method, parsed, result.value, changes, what);
    } else {
      classes.wellFormed++;
      const named = typeof parsed.appleId === 'string' ? [parsed.appleId] : [];
      expectRefusalChanges(changes, [DEMO_ACCOUNT.appleId, ...named], what);
      expectNoLeak(answer.text ?? '');
    }
  }
  expect(Object.getOwnPropertyNames(Object.prototype).sort().join(), 'Object.prototype was polluted').toBe(prototypeBefore);
}

/** A value as a failure message shows it (null-prototype objects and BigInts included). */
function show(value: unknown): string {
  try {
    return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** encodeURIComponent, but a lone surrogate becomes a percent-encoded invalid UTF-8 sequence instead of a throw. */
function encode(s: string): string {
  return s.replace(/[^]/gu, (ch) => {
    if (ch.length === 1 && ch >= '\ud800' && ch <= '\udfff') return '%ED%A0%80';
    return encodeURIComponent(ch);
  });
}

const methodsOf = (contract: ContractName) => Object.keys(CONTRACTS[contract]);

describe('every contract method has a valid sample the harness builds on', () => {
  it.each(['site', 'app'] as const)('%s: each sample parses, and a call with it is a well-formed Result', async (contract) => {
    const world = await openWorld();
    try {
      for (const method of methodsOf(contract)) {
        const spec = (CONTRACTS[contract] as AnyContract)[method]!;
        for (const sample of samplesOf(method, spec.input)) {
          expect(schemaRefusal(spec.input, sample), `${contract}.${method} sample ${JSON.stringify(sample)}`).toBeNull();
        }
      }
      // The headers and cookie the suite sends do get through: so refusals below come from the input.
      const session = await request(world.site, SITE_HOST, '/api/site/session', { body: '{}', headers: world.siteHeaders });
      expect(session.json).toMatchObject({ ok: true, value: { account: { appleId: DEMO_ACCOUNT.appleId } } });
      const info = await request(world.app, APP_HOST, '/api/app/info', { body: '{}' });
      expect(info.json).toMatchObject({ ok: true, value: { shell: 'browser' } });
      expect(await world.ipc('info', {})).toMatchObject({ ok: true, value: { shell: 'desktop' } });
      countCase('sanity');
    } finally {
      world.close();
    }
  });
});

describe.each([
  ['site', 'http'],
  ['app', 'http'],
  ['app', 'ipc'],
] as const)('hostile inputs to every %s method over %s', (contract, transport) => {
  let world: World;
  beforeAll(async () => {
    world = await openWorld();
  });
  afterAll(() => world.close());

  it.each(methodsOf(contract))('%s: refuses malformed input exactly as its schema does, changing nothing', async (method) => {
    const route = transport === 'http' ? `POST /api/${contract}/:method` : 'IPC twostep:invoke';
    const spec = (CONTRACTS[contract] as AnyContract)[method]!;
    await holds(() =>
      fc.assert(
        fc.asyncProperty(hostileInputs(method, spec.input, transport), async (c) => {
          countCase(route, `${contract}.${method}`);
          await check(world, contract, transport, method, c);
        }),
        { numRuns: RUNS.perMethod },
      ),
    );
  });
});

describe('hostile HTTP requests to the contract routes', () => {
  let world: World;
  beforeAll(async () => {
    world = await openWorld();
  });
  afterAll(() => world.close());

  const routes = (['site', 'app'] as const).flatMap((contract) => methodsOf(contract).map((method) => [contract, method] as const));
  const invalidBody = (contract: ContractName, method: string) => {
    const spec = (CONTRACTS[contract] as AnyContract)[method]!;
    const sample = samplesOf(method, spec.input)[0] ?? {};
    return jsonObjectText([...Object.entries(sample), ['__proto__', { admin: true }]]);
  };

  const abuse = fc.oneof(
    fc.record({ kind: fc.constant('verb' as const), verb: fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'get', 'PROPFIND', 'CONNECTX') }),
    fc.record({
      kind: fc.constant('content-type' as const),
      contentType: fc.constantFrom(
        undefined,
        '',
        'text/plain',
        'text/plain;charset=UTF-8',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/xml',
        'text/json',
        'application/jsonp',
        'application/json-patch+json',
        'application/jsonfoo; charset=utf-8',
        'application/json ; charset=utf-8',
        'APPLICATION/JSON',
        'application/json; charset=utf-16',
        'application/ld+json',
        '*/*',
      ),
    }),
    fc.record({
      kind: fc.constant('malformed JSON' as const),
      text: fc.oneof(
        fc.string({ maxLength: 60 }),
        fc.string({ unit: 'binary', maxLength: 60 }),
        fc.constantFrom('', '{', '{"a":', '{"a":1,}', "{'a':1}", '{a:1}', '[1,2', 'NaN', 'undefined', '{"a":NaN}', '{"a":Infinity}', '\ufeff', '/* */{}x', '{}{}', '{"a":1}//', '\u0000{}', '{"\\ud800":1}x', '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[['),
        fc.constantFrom(1000, 5000).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
        fc.constantFrom(1000, 2700, 4000).map((depth) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)),
      ),
    }),
    fc.record({ kind: fc.constant('oversized' as const), size: fc.constantFrom(MAX_BODY_BYTES + 1, MAX_BODY_BYTES + 100, 64 * 1024, 1024 * 1024), declared: fc.constantFrom('honest', 'absent', 'lying') }),
  );

  it('answers wrong verbs, content types, malformed JSON and oversized bodies with a refusal, changing nothing', async () => {
    await holds(() =>
      fc.assert(
        fc.asyncProperty(fc.constantFrom(...routes), abuse, async ([contract, method], a) => {
          countCase(`POST /api/${contract}/:method`, `${contract}.${method}`);
          const spec = (CONTRACTS[contract] as AnyContract)[method]!;
          const app = contract === 'site' ? world.site : world.app;
          const host = contract === 'site' ? SITE_HOST : APP_HOST;
          const path = `/api/${contract}/${method}`;
          const session = contract === 'site' ? world.siteHeaders : {};
          const before = snapshot(world.service);
          let answer: Answer;
          let expected: ErrorPayload | null;
          switch (a.kind) {
            case 'verb': {
              answer = await request(app, host, path, { method: a.verb, body: invalidBody(contract, method), headers: session });
              expected = { code: 'METHOD_NOT_ALLOWED', messageKey: 'errors.METHOD_NOT_ALLOWED' };
              // RFC 9110 §15.5.6: a 405 says what is allowed.
              if (answer.status === 405) expect(answer.headers.get('allow')).toBe('POST');
              if (a.verb === 'HEAD') {
                expect(answer.status).toBe(405);
                answer = { ...answer, json: { ok: false, error: expected }, text: '' };
              }
              break;
            }
            case 'content-type': {
              const body = invalidBody(contract, method);
              answer = await request(app, host, path, { body, headers: { ...session, 'content-type': a.contentType } });
              // application/json exactly, with or without parameters: never a type that merely starts so.
              const json = /^application\/json[\t ]*(;.*)?$/i.test((a.contentType ?? '').trim());
              expected = json ? schemaRefusal(spec.input, JSON.parse(body)) : { code: 'INVALID_INPUT', messageKey: 'errors.INVALID_INPUT' };
              break;
            }
            case 'malformed JSON': {
              let parsed: { value: unknown } | null = null;
              try {
                parsed = { value: JSON.parse(a.text.replace(/^\ufeff/, '')) };
              } catch {
                parsed = null;
              }
              if (parsed && schemaRefusal(spec.input, parsed.value) === null) return; // happened to be a valid input: not this test's business
              answer = await request(app, host, path, { body: a.text, headers: session });
              expected =
                Buffer.byteLength(a.text) > MAX_BODY_BYTES
                  ? { code: 'PAYLOAD_TOO_LARGE', messageKey: 'errors.PAYLOAD_TOO_LARGE' }
                  : parsed
                    ? schemaRefusal(spec.input, parsed.value)
                    : { code: 'INVALID_INPUT', messageKey: 'errors.INVALID_INPUT' };
              break;
            }
            case 'oversized': {
              const sample = samplesOf(method, spec.input)[0] ?? {};
              const body = jsonObjectText([...Object.entries(sample), ['padding', 'x'.repeat(a.size)]]);
              const headers: Record<string, string | undefined> = { ...session };
              if (a.declared === 'honest') headers['content-length'] = String(Buffer.byteLength(body));
              if (a.declared === 'lying') headers['content-length'] = '2';
              answer = await request(app, host, path, { body, headers });
              // A lying Content-Length cannot happen on a real socket (the parser reads only what it declares);
              // through app.request the body is still refused, by its size or its extra field.
              expected = a.declared === 'lying' ? null : { code: 'PAYLOAD_TOO_LARGE', messageKey: 'errors.PAYLOAD_TOO_LARGE' };
              break;
            }
          }
          classes.malformed++;
          const error = expectRefusal(answer);
          if (expected) expect(error).toEqual(expected);
          else expect(['PAYLOAD_TOO_LARGE', 'INVALID_INPUT']).toContain(error.code);
          expect(describeDiff(diff(before, snapshot(world.service)))).toBe('');
        }),
        { numRuns: RUNS.routes },
      ),
    );
  });

  it('refuses foreign or missing Host and Origin headers (and cross-site fetches) on every route, changing nothing', async () => {
    const paths = [
      ...routes.map(([contract, method]) => ({ server: contract, method: 'POST', path: `/api/${contract}/${method}`, route: `POST /api/${contract}/:method` })),
      { server: 'app', method: 'GET', path: '/api/app/events', route: 'GET /api/app/events' },
      { server: 'app', method: 'GET', path: '/api/app/device-events', route: 'GET /api/app/device-events' },
      { server: 'site', method: 'POST', path: '/api/test/advance-clock', route: 'POST /api/test/advance-clock' },
      { server: 'site', method: 'GET', path: '/device', route: 'GET /device' },
      { server: 'site', method: 'GET', path: '/', route: 'GET pages' },
      { server: 'app', method: 'GET', path: '/messages', route: 'GET pages' },
      { server: 'site', method: 'GET', path: '/assets/app.js', route: 'GET /assets/*' },
      { server: 'app', method: 'GET', path: '/nowhere', route: 'unknown paths' },
      { server: 'site', method: 'DELETE', path: '/api/nowhere', route: 'unknown paths' },
    ] as const;
    const headerSafe = (s: string) => {
      try {
        new Headers({ x: s });
        return true;
      } catch {
        return false;
      }
    };
    const hostLike = (port: number) =>
      fc.oneof(
        fc.constantFrom(
          undefined,
          '',
          `127.0.0.1:${port}`,
          `localhost:${port}`,
          `LOCALHOST:${port}`,
          '127.0.0.1',
          'localhost',
          `127.0.0.1:${port + 1}`,
          `127.0.0.1:${port - 1}`,
          `[::1]:${port}`,
          `0.0.0.0:${port}`,
          `127.1:${port}`,
          `2130706433:${port}`,
          `127.0.0.1.:${port}`,
          `localhost.:${port}`,
          `evil.example`,
          `127.0.0.1:${port}.evil.example`,
          `evil.example:${port}`,
          `127.0.0.1:${port}@evil.example`,
          `127.0.0.1:0${port}`,
          ` 127.0.0.1:${port}`,
        ),
        hostileString.filter(headerSafe),
      );
    const originLike = (port: number) =>
      fc.oneof(
        fc.constantFrom(
          undefined,
          '',
          'null',
          `http://127.0.0.1:${port}`,
          `http://localhost:${port}`,
          `http://127.0.0.1:${port}/`,
          `https://127.0.0.1:${port}`,
          `HTTP://127.0.0.1:${port}`,
          `http://127.0.0.1:${port + 1}`,
          `http://127.0.0.1:${port - 1}`,
          'http://evil.example',
          `http://127.0.0.1:${port}.evil.example`,
          `http://evil.example@127.0.0.1:${port}`,
          'app://twostep',
          'file://',
        ),
        hostileString.filter(headerSafe),
      );
    const safeSite = fc.constantFrom(undefined, 'same-origin', 'cross-site', 'same-site', 'none');
    const siteArb = fc.record({ host: hostLike(4510), origin: originLike(4510), fetchSite: safeSite });
    await holds(() =>
      fc.assert(
        fc.asyncProperty(fc.constantFrom(...paths), siteArb, async (p, h) => {
          countCase(p.route);
          const port = p.server === 'site' ? 4510 : 4511;
          // Headers drop leading and trailing whitespace, as an HTTP parser does.
          const host = h.host?.replace('4510', String(port));
          const origin = h.origin?.replace('4510', String(port));
          const fetchSite = h.fetchSite?.trim();
          const own = [`127.0.0.1:${port}`, `localhost:${port}`];
          const safe = p.method === 'GET';
          const app = p.server === 'site' ? (p.path === '/api/test/advance-clock' ? world.siteWithTestClock : world.site) : world.app;
          const before = snapshot(world.service);
          const live = world.liveSubscriptions();
          const clockBefore = world.clock.now();
          const answer = await request(app, own[0]!, p.path, {
            method: p.method,
            // Refused by every route that reads it: an unknown key for the contracts, a negative ms for the test clock.
            body: '{"ms":-1}',
            headers: { ...world.siteHeaders, host, origin, 'sec-fetch-site': h.fetchSite },
          });
          const hostOk = host !== undefined && own.includes(host.trim().toLowerCase());
          const originOk = origin !== undefined ? own.map((o) => `http://${o}`).includes(origin.trim()) : safe;
          const fetchSiteOk = safe || fetchSite === undefined || fetchSite === 'same-origin';
          expect(answer.status).toBeLessThan(500);
          if (!hostOk) expect(expectRefusal(answer).code).toBe('FORBIDDEN_HOST');
          else if (!originOk || !fetchSiteOk) expect(expectRefusal(answer).code).toBe('FORBIDDEN_ORIGIN');
          else if (answer.json !== undefined) expectResult(answer);
          expect(describeDiff(diff(before, snapshot(world.service)))).toBe('');
          expect(world.clock.now()).toBe(clockBefore);
          await settle(() => world.liveSubscriptions() === live);
          expect(world.liveSubscriptions(), `${p.method} ${p.path} left a subscription open`).toBe(live);
        }),
        { numRuns: RUNS.routes },
      ),
    );
  });
});

/** Waits (briefly) for a cancelled stream to give its subscription back. */
async function settle(done: () => boolean): Promise<void> {
  for (let i = 0; i < 20 && !done(); i++) await new Promise((r) => setTimeout(r, 5));
}

describe('hostile requests to the pages, assets, event streams and unknown paths', () => {
  let world: World;
  beforeAll(async () => {
    world = await openWorld();
  });
  afterAll(() => world.close());

  const segment = fc.oneof(
    hostileString.filter((s) => s.length < 300).map(encode),
    fc.constantFrom('..', '%2e%2e', '%2E%2E/%2E%2E', '..%2f..%2fpackage.json', '%00', '%', '%zz', '//', '\\..\\', '.git/config', 'index.html', '..;/', '%c0%ae%c0%ae', 'package.json', '..%5c..%5cpackage.json'),
  );
  const pagePaths = [...Object.keys(APP_PAGES), '/device', '/account', '/account/app-passwords/new', '/assets', '/assets/', '/api', '/api/', '/api/site', '/api/app', '/api/site/', '/api/app/', '/api/test/advance-clock'];

  it('never answers a 5xx, reflects the path, or serves a file outside the built pages', async () => {
    await holds(() =>
      fc.assert(
        fc.asyncProperty(
          fc.constantFrom('site', 'app'),
          fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
          fc.oneof(
            fc.constantFrom(...pagePaths),
            segment.map((s) => `/assets/${s}`),
            fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => `/${s.join('/')}`),
            fc.tuple(fc.constantFrom(...pagePaths), segment).map(([p, s]) => `${p}?label=${s}&lang=${s}#${s}`),
          ),
          async (server, method, path) => {
            const route = path.startsWith('/assets') ? 'GET /assets/*' : pagePaths.includes(path.split('?')[0]!) ? 'GET pages' : 'unknown paths';
            countCase(route);
            const app = server === 'site' ? world.site : world.app;
            const host = server === 'site' ? SITE_HOST : APP_HOST;
            const before = snapshot(world.service);
            const live = world.liveSubscriptions();
            let answer: Answer;
            try {
              answer = await request(app, host, path, { method, body: '{"extra":1}' });
            } catch (error) {
              // Only an URL the fetch API itself cannot build may throw, before the server sees it.
              expect(String(error)).toMatch(/Invalid URL/);
              return;
            }
            expect(answer.status, `${method} ${path}`).toBeLessThan(500);
            if (method === 'HEAD') {
              expect(answer.text).toBe('');
            } else if (answer.contentType.startsWith('application/json')) expectRefusal(answer);
            else if (answer.contentType.startsWith('text/html')) {
              // A page: the account site answers an address it does not have with its page and 404.
              // As the server sees it: dot segments resolved by the URL parser; percent-escapes may be decoded.
              // (Parsed as the request was made: `new URL('////', base)` would throw where the request did not.)
              const pathname = new URL(`http://${host}${path}`).pathname;
              // The account site also serves iCloud.com's page, under /icloud (issue 19).
              const known = server === 'site' ? isSitePath(pathname) || isICloudWebPath(pathname) : pathname in APP_PAGES;
              if (pathname.includes('%')) expect([200, 404]).toContain(answer.status);
              else if (known) expect(answer.status).toBe(200);
              else if (server === 'site') expect(answer.status).toBe(404);
              expect(answer.text).not.toMatch(/onerror=|<script>alert|javascript:alert|"name": "twostep"|root:x:0:0/);
            } else if (answer.status !== 302) {
              // An asset: one of the built files, never anything else.
              expect(answer.status).toBe(200);
              expect(path.startsWith('/assets/')).toBe(true);
            }
            expect(answer.text).not.toContain('Twostep-Demo-2015');
            expect(describeDiff(diff(before, snapshot(world.service)))).toBe('');
            await settle(() => world.liveSubscriptions() === live);
            expect(world.liveSubscriptions()).toBe(live);
          },
        ),
        { numRuns: RUNS.routes },
      ),
    );
  });

  it('event streams: any verb, any query; a stream ends and gives its subscription back; nothing else is answered', async () => {
    await holds(() =>
      fc.assert(
        fc.asyncProperty(
          fc.constantFrom('/api/app/events', '/api/app/device-events'),
          fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
          fc.option(hostileString.filter((s) => s.length < 200), { nil: undefined }),
          async (path, method, query) => {
            countCase(`GET ${path}`);
            const live = world.liveSubscriptions();
            const before = snapshot(world.service);
            const answer = await request(world.app, APP_HOST, query === undefined ? path : `${path}?q=${encode(query)}`, { method, body: '{}' });
            if (method === 'GET' || method === 'HEAD') {
              expect(answer.status).toBe(200);
              expect(answer.contentType).toMatch(/^text\/event-stream/);
            } else {
              expect(expectRefusal(answer).code).toBe('NOT_FOUND');
            }
            expect(describeDiff(diff(before, snapshot(world.service)))).toBe('');
            await settle(() => world.liveSubscriptions() === live);
            expect(world.liveSubscriptions(), `${method} ${path} left a subscription open`).toBe(live);
          },
        ),
        { numRuns: RUNS.small },
      ),
    );
  });

  it('POST /api/test/advance-clock (test mode): refuses anything but a finite, non-negative ms, never a 5xx', async () => {
    await holds(() =>
      fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.constantFrom('', '{', 'null', '[]', '"x"', '1', '{"ms":"1"}', '{"ms":-1}', '{"ms":null}', '{"ms":1e400}', '{"ms":[1]}', '{"__proto__":{"ms":1}}', '{}'),
            fc.string({ maxLength: 40 }),
            jsonValue.map((ms) => JSON.stringify({ ms })).filter((text) => {
              const { ms } = JSON.parse(text) as { ms: unknown };
              return !(typeof ms === 'number' && ms >= 0);
            }),
            hugeString.map((s) => JSON.stringify({ ms: s })),
          ),
          fc.constantFrom('application/json', 'text/plain', undefined),
          async (body, contentType) => {
            countCase('POST /api/test/advance-clock');
            const now = world.clock.now();
            const before = snapshot(world.service);
            const answer = await request(world.siteWithTestClock, SITE_HOST, '/api/test/advance-clock', { body, headers: { 'content-type': contentType } });
            const error = expectRefusal(answer);
            expect(['INVALID_INPUT', 'PAYLOAD_TOO_LARGE']).toContain(error.code);
            expect(world.clock.now()).toBe(now);
            expect(describeDiff(diff(before, snapshot(world.service)))).toBe('');
          },
        ),
        { numRuns: RUNS.small },
      ),
    );
    // And a valid one does move it: the refusals above are about the input.
    const moved = await request(world.siteWithTestClock, SITE_HOST, '/api/test/advance-clock', { body: '{"ms":0}' });
    expect(moved.json).toMatchObject({ ok: true, value: { now: world.clock.now() } });
  });
});

describe('hostile session cookies on the account site', () => {
  let world: World;
  beforeAll(async () => {
    world = await openWorld();
  });
  afterAll(() => world.close());

  it('a forged, huge or garbled cookie is never a session, and changes nothing', async () => {
    const noInput = methodsOf('site').filter((m) => schemaRefusal((CONTRACTS.site as AnyContract)[m]!.input, {}) === null);
    expect(noInput.length).toBeGreaterThan(0);
    const token = world.cookie.split('=')[1]!;
    const cookieValue = fc.oneof(
      hostileString,
      fc.constantFrom('', '""', token.toUpperCase(), token.slice(0, -1), `${token}x`, `${token}%00`, 'x'.repeat(101), 'A'.repeat(8000)),
      fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 120 }),
    );
    const cookieHeader = fc.oneof(
      cookieValue.map((v) => `${SESSION_COOKIE}=${v}`),
      cookieValue.map((v) => `${SESSION_COOKIE}=${encode(v)}`),
      cookieValue.map((v) => `other=1; ${SESSION_COOKIE}=${encode(v)}`),
      cookieValue.map((v) => `${SESSION_COOKIE.toUpperCase()}=${token}; x=${encode(v)}`),
      fc.constantFrom(undefined, '', ';', '=', `${SESSION_COOKIE}`, `${SESSION_COOKIE}=`, `__proto__=${token}`, `${SESSION_COOKIE}\u0000=${token}`),
    );
    await holds(() =>
      fc.assert(
        fc.asyncProperty(fc.constantFrom(...noInput), cookieHeader, async (method, cookie) => {
          countCase('POST /api/site/:method', `site.${method}`);
          let headerOk = true;
          try {
            new Headers({ cookie: cookie ?? '' });
          } catch {
            headerOk = false;
          }
          if (!headerOk) return;
          const before = snapshot(world.service);
          const answer = await request(world.site, SITE_HOST, `/api/site/${method}`, { body: '{}', headers: { ...world.siteHeaders, cookie } });
          const result = expectResult(answer);
          if (result.ok) expect(method, `${method} answered ok to the cookie ${cookie}`).toBe('signOut');
          else expect(result.error.code).toBe('NOT_SIGNED_IN');
          expect(describeDiff(diff(before, snapshot(world.service)))).toBe('');
        }),
        { numRuns: RUNS.routes },
      ),
    );
    // The real cookie still works: every refusal above was about the cookie.
    const session = await request(world.site, SITE_HOST, '/api/site/session', { body: '{}', headers: world.siteHeaders });
    expect(session.json).toMatchObject({ ok: true });
  });
});

describe('hostile IPC calls', () => {
  let world: World;
  beforeAll(async () => {
    world = await openWorld();
  });
  afterAll(() => world.close());

  it('refuses unknown or inherited method names, and any call from an untrusted sender, changing nothing', async () => {
    const methods = methodsOf('app');
    const methodName = fc.oneof(
      fc.constantFrom(...PROTOTYPE_KEYS, 'then', '', 'Info', 'INFO', 'info ', ' info', 'info\u0000', '\uff49\uff4e\uff46\uff4f', 'signIn', 'session', 'createAccount', 'changePassword'),
      hostileString,
      ipcValue.filter((v) => typeof v !== 'string'),
      fc.constantFrom(...methods).map((m) => [m]),
      fc.constantFrom(...methods).map((m) => ({ toString: () => m })),
    );
    await holds(() =>
      fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.record({ trusted: fc.constant(true), method: methodName.filter((m) => typeof m !== 'string' || !Object.hasOwn(CONTRACTS.app, m)), input: ipcValue }),
            // A stranger sending perfectly valid calls: resetDemo, runScenario… must be refused before anything runs.
            fc.record({
              trusted: fc.constant(false),
              method: fc.oneof(fc.constantFrom(...methods), methodName),
              input: fc.oneof(fc.constant({}), ipcValue),
            }),
          ),
          async ({ trusted, method, input }) => {
            countCase('IPC twostep:invoke', typeof method === 'string' && Object.hasOwn(CONTRACTS.app, method) ? `app.${method}` : undefined);
            const sample = typeof method === 'string' && Object.hasOwn(CONTRACTS.app, method) ? samplesOf(method, (CONTRACTS.app as AnyContract)[method]!.input)[0] : undefined;
            const before = snapshot(world.service);
            const events = world.events.length;
            const shell = world.shellCalls.length;
            const json = await world.ipc(method, trusted ? input : (sample ?? input), trusted);
            const error = expectRefusal({ json });
            expect(error.code).toBe(trusted ? 'NOT_FOUND' : 'FORBIDDEN_SENDER');
            expect(describeDiff(diff(before, snapshot(world.service)))).toBe('');
            expect(world.events.length).toBe(events);
            expect(world.shellCalls.length).toBe(shell);
          },
        ),
        { numRuns: RUNS.routes },
      ),
    );
  });
});

describe('look-alike Apple IDs', () => {
  let world: World;
  beforeAll(async () => {
    world = await openWorld();
  });
  afterAll(() => world.close());

  it('reach only the account their documented normalisation (trim, lower case) names, never another', async () => {
    const accounts = [DEMO_ACCOUNT, OTHER_ACCOUNT];
    const variants = accounts.flatMap((a) => lookAlikes(a.appleId));
    let reached = 0;
    await holds(() =>
      fc.assert(
        fc.asyncProperty(
          fc.oneof(fc.constantFrom(...variants), hostileEmail),
          fc.constantFrom(...accounts.map((a) => a.password)),
          fc.constantFrom('site.signIn', 'app.clientSignIn', 'app.runScenario', 'site.beginUnlock'),
          fc.constantFrom('messages', 'facetime', 'icloud', 'third-party'),
          async (appleId, password, call, clientKind) => {
            const [contract, method] = call.split('.') as [ContractName, string];
            countCase(`POST /api/${contract}/:method`, call);
            // Each case from the same start: no lock left over from the case before, no app signed in.
            world.service.database.exec('UPDATE accounts SET failed_attempts = 0, locked_until = NULL, hard_locked = 0');
            if (world.service.clientSession({ clientKind })) world.service.signOutClient({ clientKind });
            const input =
              method === 'signIn'
                ? { appleId, password }
                : method === 'clientSignIn'
                  ? { clientKind, appleId, password }
                  : method === 'beginUnlock'
                    ? { appleId, recoveryKey: DEMO_ACCOUNT.recoveryKey }
                    : { event: 'change-password', appleId, newPassword: password };
            const normalized = appleId.trim().toLowerCase();
            const before = snapshot(world.service);
            const answer = await request(contract === 'site' ? world.site : world.app, contract === 'site' ? SITE_HOST : APP_HOST, `/api/${call.replace('.', '/')}`, {
              body: JSON.stringify(input),
            });
            const result = expectResult(answer);
            const changes = diff(before, snapshot(world.service));
            const target = world.service.database.prepare('SELECT id, apple_id FROM accounts WHERE apple_id = ?').get(normalized) as { id: number } | undefined;
            if (result.ok) {
              expect(target, `${appleId} was accepted without naming an account`).toBeDefined();
              reached++;
            }
            for (const [table, change] of changes) {
              for (const row of [...change.inserted, ...change.updated.map((u) => u.after)]) {
                if ('apple_id' in row && row.apple_id !== null) expect(row.apple_id, `${call} ${JSON.stringify(appleId)} touched ${table}`).toBe(normalized);
                if ('account_id' in row) expect(row.account_id, `${call} ${JSON.stringify(appleId)} touched ${table}`).toBe(target?.id);
              }
            }
            if (result.ok && typeof result.value === 'object' && result.value && 'account' in result.value) {
              expect((result.value as { account: { appleId: string } }).account.appleId).toBe(normalized);
            }
            // Put the passwords back if the scenario changed one.
            if (method === 'runScenario' && result.ok) {
              const owner = accounts.find((a) => a.appleId === normalized)!;
              await world.service.runScenario({ event: 'change-password', appleId: owner.appleId, newPassword: owner.password });
            }
          },
        ),
        { numRuns: RUNS.routes },
      ),
    );
    // The documented variants ('DEMO@TWOSTEP.EXAMPLE ', tabs, newlines) do reach their own account: the check above is not vacuous.
    expect(reached).toBeGreaterThan(0);
  });
});

import { Presenter } from '../../../main/presenter/presenter.js';
import type { IpcMainInvokeEvent } from 'electron';
import type { Hono } from 'hono';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { z } from 'zod';
import { accountSiteContract } from '../../../preload/contract/account-site-contract.js';
import { appContract } from '../../../preload/contract/app-contract.js';
import { IPC_CHANNELS } from '../../../preload/contract/bridge.js';
import type { AnyContract } from '../../../preload/contract/define.js';
import { ERROR_CODES, type ErrorPayload } from '../../../preload/contract/error-codes.js';
import type { ServiceEvent } from '../../../preload/contract/models.js';
import { appHandlers, type Shell } from '../../../main/app-api/app-handlers.js';
import { registerContract } from '../../../main/electron/ipc-bridge.js';
import { ManualClock } from '../../../main/identity/clock.js';
import { TEST_SCRYPT_COST } from '../../../main/identity/crypto/password-hasher.js';
import { IdentityError } from '../../../main/identity/identity-error.js';
import { IdentityService } from '../../../main/identity/identity-service.js';
import { parseInput } from '../../../main/identity/validate.js';
import { createAccountSiteApp } from '../../../main/server/account-site-server.js';
import { SESSION_COOKIE, SESSION_KEY_HEADER } from '../../../main/server/account-site-handlers.js';
import { LAUNCH_KEY_HEADER } from '../../../main/server/security.js';
import { splitSessionToken } from '../../../main/server/session-token.js';
import { createAppServer } from '../../../main/server/app-server.js';
import { statusFor } from '../../../main/server/http-status.js';
import { codeOnDevice, DEMO_ACCOUNT, deviceOf, signInApp, signInSite } from '../helpers/identity.js';

export { DEMO_ACCOUNT };

export const SITE_PORT = 4510;
export const APP_PORT = 4511;
export const SITE_HOST = `127.0.0.1:${SITE_PORT}`;
export const APP_HOST = `127.0.0.1:${APP_PORT}`;
export const SITE_ORIGIN = `http://${SITE_HOST}`;
export const APP_ORIGIN = `http://${APP_HOST}`;
export const STATIC_ROOT = join(process.cwd(), 'dist', 'renderer');
/** The app server's launch key in these worlds; `request` sends it to the app server unless told otherwise. */
export const LAUNCH_KEY = 'hostile-world-launch-key-0123456789';

/** A second account, with no second step, so reaching it by mistake would show at once. */
export const OTHER_ACCOUNT = { appleId: 'kate@twostep.example', password: 'Other-Account-2015', fullName: 'Kate Other' } as const;

export const CONTRACTS = { site: accountSiteContract, app: appContract } as const satisfies Record<string, AnyContract>;
export type ContractName = keyof typeof CONTRACTS;

// — the tally printed at the end —

export const tally = { cases: 0, failures: 0, methods: new Set<string>(), routes: new Set<string>() };

export function countCase(route: string, method?: string): void {
  tally.cases++;
  tally.routes.add(route);
  if (method) tally.methods.add(method);
}

/** fc.assert, counting a failed property before letting it fail the test. */
export async function holds(run: () => Promise<void> | void): Promise<void> {
  try {
    await run();
  } catch (error) {
    tally.failures++;
    throw error;
  }
}

// — a world: a seeded service and every way in —

export interface World {
  service: IdentityService;
  clock: ManualClock;
  site: Hono;
  siteWithTestClock: Hono;
  app: Hono;
  /** The account site's session cookie of the demo account, signed in (its cookie half). */
  cookie: string;
  /** The cookie and the session key header together: what the site's own page sends. */
  siteHeaders: Record<string, string>;
  /** Every event the service published. */
  events: ServiceEvent[];
  /** Subscriptions to the service still open (event streams hold one each). */
  liveSubscriptions(): number;
  /** What the desktop shell was asked to do (open a browser, a window). */
  shellCalls: string[];
  ipc(method: unknown, input: unknown, trusted?: boolean): Promise<unknown>;
  close(): void;
}

/**
 * A fresh store at test scrypt cost on a manual clock (which never moves, so nothing expires
 * between a case's two snapshots), with the demo account signed in to the account site, an
 * app-specific password in use by Messages, a second account, and a code waiting on the iPhone.
 */
export async function openWorld(): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), 'twostep-hostile-'));
  const clock = new ManualClock();
  // Unknown Apple IDs are most of what is sent here: hashed without production's shared pace (2 a second).
  const service = await IdentityService.open({ path: join(dir, 'twostep.sqlite'), clock, scryptCost: TEST_SCRYPT_COST, seedDemo: true, decoyHashesPerSecond: 10_000 });

  // Count live subscriptions: an event stream must give its own back when it ends.
  let live = 0;
  const subscribe = service.subscribe.bind(service);
  service.subscribe = (listener) => {
    live++;
    const unsubscribe = subscribe(listener);
    let done = false;
    return () => {
      if (!done) live--;
      done = true;
      unsubscribe();
    };
  };

  await service.createAccount(OTHER_ACCOUNT);
  const token = await signInSite(service);
  const { password } = service.createAppPassword(token, { label: 'Messages on the Mac' });
  await signInApp(service, 'messages', password);
  const challenge = await service.signInAccountSite({ appleId: DEMO_ACCOUNT.appleId, password: DEMO_ACCOUNT.password });
  if (challenge.status !== 'VERIFICATION_REQUIRED') throw new Error('expected a challenge');
  const iphone = deviceOf(challenge.devices, 'iphone');
  service.sendAccountSiteCode({ verificationId: challenge.verificationId, deviceId: iphone });
  codeOnDevice(service, iphone);

  const events: ServiceEvent[] = [];
  service.subscribe((event) => events.push(event));

  const site = createAccountSiteApp({ service, staticRoot: STATIC_ROOT, devicePageUrl: () => `${APP_ORIGIN}/iphone` }, () => SITE_PORT);
  const siteWithTestClock = createAccountSiteApp({ service, staticRoot: STATIC_ROOT, testClock: clock }, () => SITE_PORT);
  const app = createAppServer({ service, staticRoot: STATIC_ROOT, accountSiteOrigin: () => SITE_ORIGIN, launchKey: LAUNCH_KEY }, () => APP_PORT);
  const halves = splitSessionToken(token);

  // The desktop transport: registerContract on a fake ipcMain, trusting one sender only.
  const shellCalls: string[] = [];
  const shell: Shell = {
    kind: 'desktop',
    accountSiteOrigin: () => SITE_ORIGIN,
    openInBrowser: (url) => {
      shellCalls.push(`browser ${url}`);
      return Promise.resolve();
    },
    openWindow: (window) => {
      shellCalls.push(`window ${window}`);
    },
  };
  const handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>();
  const trusted = { sender: { id: 1 }, senderFrame: { url: 'app://twostep/control/index.html' } } as unknown as IpcMainInvokeEvent;
  const stranger = { sender: { id: 2 }, senderFrame: { url: 'https://evil.example/' } } as unknown as IpcMainInvokeEvent;
  registerContract(
    {
      handle: (channel: string, handler: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown) => {
        handlers.set(channel, handler);
      },
    },
    appContract,
    appHandlers(service, shell, Presenter.standalone('en')),
    (event) => event === trusted,
  );
  const invoke = handlers.get(IPC_CHANNELS.invoke)!;

  return {
    service,
    clock,
    site,
    siteWithTestClock,
    app,
    cookie: `${SESSION_COOKIE}=${halves.cookie}`,
    siteHeaders: { cookie: `${SESSION_COOKIE}=${halves.cookie}`, [SESSION_KEY_HEADER]: halves.key },
    events,
    liveSubscriptions: () => live,
    shellCalls,
    ipc: (method, input, isTrusted = true) => Promise.resolve(invoke(isTrusted ? trusted : stranger, method, input)),
    close: () => {
      service.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// — the store, before and after —

export interface Snapshot {
  /** table → primary key → the row as JSON. */
  tables: Map<string, Map<string, string>>;
  inbox: string;
}

/** Every row of every table (and the schema itself), plus what the trusted devices show. */
export function snapshot(service: IdentityService): Snapshot {
  const db = service.database;
  const tables = new Map<string, Map<string, string>>();
  const schema = db.prepare("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").all() as { name: string; type: string }[];
  tables.set('(schema)', new Map(schema.map((row) => [`${row.type} ${row.name}`, JSON.stringify(row)])));
  tables.set('(user_version)', new Map([['v', String(db.pragma('user_version', { simple: true }))]]));
  for (const { name } of schema.filter((row) => row.type === 'table' && !row.name.startsWith('sqlite_'))) {
    const pk = (db.pragma(`table_info("${name}")`) as { name: string; pk: number }[])
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name);
    const rows = db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[];
    const keyed = new Map<string, string>();
    for (const row of rows) {
      const text = JSON.stringify(row);
      keyed.set(pk.length > 0 ? JSON.stringify(pk.map((c) => row[c])) : text, text);
    }
    tables.set(name, keyed);
  }
  return { tables, inbox: JSON.stringify(service.deviceNotifications()) };
}

export interface TableDiff {
  inserted: Record<string, unknown>[];
  deleted: Record<string, unknown>[];
  updated: { before: Record<string, unknown>; after: Record<string, unknown>; columns: string[] }[];
}

export function diff(before: Snapshot, after: Snapshot): Map<string, TableDiff> {
  const changes = new Map<string, TableDiff>();
  const names = new Set([...before.tables.keys(), ...after.tables.keys()]);
  for (const name of names) {
    const a = before.tables.get(name) ?? new Map<string, string>();
    const b = after.tables.get(name) ?? new Map<string, string>();
    const change: TableDiff = { inserted: [], deleted: [], updated: [] };
    for (const [key, row] of b) {
      const old = a.get(key);
      if (old === undefined) change.inserted.push(JSON.parse(row) as Record<string, unknown>);
      else if (old !== row) {
        const was = JSON.parse(old) as Record<string, unknown>;
        const now = JSON.parse(row) as Record<string, unknown>;
        const columns = Object.keys(now).filter((c) => JSON.stringify(was[c]) !== JSON.stringify(now[c]));
        change.updated.push({ before: was, after: now, columns });
      }
    }
    for (const [key, row] of a) if (!b.has(key)) change.deleted.push(JSON.parse(row) as Record<string, unknown>);
    if (change.inserted.length + change.deleted.length + change.updated.length > 0) changes.set(name, change);
  }
  if (before.inbox !== after.inbox) changes.set('(device inbox)', { inserted: [{ inbox: after.inbox }], deleted: [], updated: [] });
  return changes;
}

export function describeDiff(changes: Map<string, TableDiff>): string {
  return [...changes].map(([t, d]) => `${t}: +${d.inserted.length} -${d.deleted.length} ~${d.updated.map((u) => u.columns.join('/')).join(',')}`).join('; ');
}

// — answers —

export interface Answer {
  status: number;
  contentType: string;
  text: string;
  json: unknown;
  headers: Headers;
}

export interface HttpCall {
  method?: string;
  body?: string | null;
  headers?: Record<string, string | undefined>;
}

/** One request through Hono's `app.request`, with our own Host and Origin and a JSON content type unless told otherwise. */
export async function request(app: Hono, host: string, path: string, call: HttpCall = {}): Promise<Answer> {
  const method = call.method ?? 'POST';
  const defaults: Record<string, string> = {
    host,
    origin: `http://${host}`,
    'content-type': 'application/json',
    ...(host === APP_HOST ? { [LAUNCH_KEY_HEADER]: LAUNCH_KEY } : {}),
  };
  const headers = new Headers();
  for (const [k, v] of Object.entries({ ...defaults, ...call.headers })) if (v !== undefined) headers.set(k, v);
  const init: RequestInit = { method, headers };
  if (call.body !== undefined && call.body !== null && !['GET', 'HEAD'].includes(method.toUpperCase())) init.body = call.body;
  const response = await app.request(`http://${host}${path}`, init);
  const contentType = response.headers.get('content-type') ?? '';
  if (contentType.startsWith('text/event-stream')) {
    await response.body?.cancel();
    return { status: response.status, contentType, text: '', json: undefined, headers: response.headers };
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, contentType, text, json, headers: response.headers };
}

const KNOWN_CODES = new Set<string>(ERROR_CODES);

/** What must never be in an answer: a stack frame, a file path, an exception's name or message, SQL. */
const LEAKS = [
  /\bat [\w$.<>[\] ]+ \(/,
  /\.(ts|js|mjs|cjs):\d+/,
  /node_modules|\/work\/|file:\/\//,
  /\b(SqliteError|ZodError|TypeError|RangeError|SyntaxError|ReferenceError)\b/,
  /SQLITE_|no such (table|column)|syntax error/i,
  /Unexpected token|is not valid JSON|JSON at position/,
  /"stack"|"cause"|invalid_type|unrecognized_keys|too_big|too_small/,
];

export function expectNoLeak(text: string): void {
  for (const pattern of LEAKS) expect(text, `answer leaks internals (${pattern})`).not.toMatch(pattern);
}

/** A well-formed refusal: `{ ok: false, error: { code, messageKey } }` with a known code, its status, nothing else. */
export function expectRefusal(answer: { status?: number; json: unknown; text?: string }): ErrorPayload {
  const body = answer.json as { ok?: unknown; error?: ErrorPayload };
  expect(body, `not a Result: ${answer.text ?? JSON.stringify(answer.json)}`).toMatchObject({ ok: false });
  expect(Object.keys(body).sort()).toEqual(['error', 'ok']);
  const error = body.error!;
  expect(KNOWN_CODES.has(error.code), `unknown code ${String(error.code)}`).toBe(true);
  expect(error.code, 'INTERNAL answered to client input').not.toBe('INTERNAL');
  expect(error.messageKey).toBe(`errors.${error.code}`);
  for (const key of Object.keys(error)) expect(['code', 'messageKey', 'params', 'fields']).toContain(key);
  for (const field of error.fields ?? []) {
    expect(Object.keys(field).sort()).toEqual(['messageKey', 'path']);
    expect(field.messageKey).toMatch(/^(errors|fields)\.[A-Za-z_.]+$/);
    expect(field.path).toMatch(/^[A-Za-z0-9.]*$/);
  }
  for (const value of Object.values(error.params ?? {})) expect(['string', 'number']).toContain(typeof value);
  if (answer.status !== undefined) {
    expect(answer.status).toBeLessThan(500);
    expect(answer.status).toBe(statusFor(error.code));
  }
  expectNoLeak(answer.text ?? JSON.stringify(answer.json));
  return error;
}

/** An answer of the API, any outcome: a Result, never a 5xx, never internals. */
export function expectResult(answer: { status?: number; json: unknown; text?: string }): { ok: true; value: unknown } | { ok: false; error: ErrorPayload } {
  if (answer.status !== undefined) expect(answer.status).toBeLessThan(500);
  const body = answer.json as { ok?: unknown };
  if (body?.ok === true) {
    expect(Object.keys(body).sort()).toEqual(['ok', 'value']);
    if (answer.status !== undefined) expect(answer.status).toBe(200);
    return body as { ok: true; value: unknown };
  }
  return { ok: false, error: expectRefusal(answer) };
}

/** Exactly what the dispatcher must answer for an input its schema refuses. */
export function schemaRefusal(schema: z.ZodType, input: unknown): ErrorPayload | null {
  try {
    parseInput(schema, input);
    return null;
  } catch (error) {
    if (error instanceof IdentityError) return error.toPayload();
    throw error;
  }
}

/** The input schema's fields, for every shape a method's input can take (discriminated unions have several). */
export function shapesOf(schema: z.ZodType): Record<string, z.ZodType>[] {
  const s = schema as unknown as { shape?: Record<string, z.ZodType>; options?: z.ZodType[] };
  if (s.shape) return [s.shape];
  if (Array.isArray(s.options)) return s.options.flatMap((o) => shapesOf(o));
  return [];
}

/** A valid value of each field, by name; `method.field` overrides keep valid samples harmless. */
const FIELD_SAMPLES: Record<string, unknown> = {
  appleId: DEMO_ACCOUNT.appleId,
  password: 'not-the-password',
  currentPassword: 'not-the-password',
  newPassword: 'Hostile-Suite-2015',
  clientKind: 'third-party',
  verificationId: 'f'.repeat(32),
  deviceId: 1,
  code: '000000',
  recoveryKey: 'AAAA-BBBB-CCCC-DD',
  label: 'Hostile suite',
  appPasswordId: 987654,
  level: 'two-step',
  phoneNumber: '+1 202 555 0199',
  limit: 10,
  page: 'generate',
  lang: 'en',
  tour: { step: 'openMessages', completed: false },
  minutes: 10,
  reuseOpenTab: false,
  window: 'messages',
  uid: 1,
  profile: 'icloud',
  keepSessionsOnRevoke: false,
  language: 'en',
  on: false,
  'runScenario.appleId': 'nobody@twostep.example',
  'beginUnlock.appleId': 'nobody@twostep.example',
  // The seed's remaining places (issue 19).
  appId: 'tidewise',
  sessionId: 'f'.repeat(32),
  place: 'icloud-web',
  // Two-factor: the iPhone's answer to a sign-in request.
  requestId: 'f'.repeat(32),
  allow: false,
  // Two-factor authentication's trusted browsers.
  browserId: 'f'.repeat(32),
  decision: 'not-now',
  // Messages and FaceTime under two-factor authentication (issue 19 part B).
  'sendAppCode.clientKind': 'messages',
  'completeAppCodeSignIn.clientKind': 'facetime',
  version: '10.10',
  recoveryId: 'f'.repeat(32),
  'requestAccountRecovery.appleId': 'nobody@twostep.example',
};

function literalOf(field: z.ZodType): unknown {
  const f = field as unknown as { values?: Set<unknown>; options?: unknown[] };
  if (f.values instanceof Set) return [...f.values][0];
  return undefined;
}

/** One valid input per shape of the method's input (the test "every method has samples" checks they parse). */
export function samplesOf(method: string, schema: z.ZodType): Record<string, unknown>[] {
  return shapesOf(schema).map((shape) =>
    Object.fromEntries(
      Object.entries(shape).map(([key, field]) => [key, FIELD_SAMPLES[`${method}.${key}`] ?? FIELD_SAMPLES[key] ?? literalOf(field)]),
    ),
  );
}

/** Fields that must be present (no default, not optional). */
export function requiredKeys(shape: Record<string, z.ZodType>): string[] {
  return Object.entries(shape)
    .filter(([, field]) => !field.safeParse(undefined).success)
    .map(([key]) => key);
}

export function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Browser mode killed with SIGKILL at random moments, 50 times, while a client runs a mixed
 * write load against it (sign-ins, code requests, creating and revoking app-specific
 * passwords, password changes). After each kill the store must pass integrity_check, and
 * every write whose answer reached the client must be there when TwoStep starts again.
 * Needs the build (dist/), which `npm test` makes first.
 */
const CYCLES = 50;
const APPLE_ID = 'demo@twostep.example';
const dataDir = mkdtempSync(join(tmpdir(), 'twostep-durability-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Running {
  child: ChildProcess;
  site: string;
  apps: string;
  /** The app server's launch key, from the address browser mode printed. */
  launchKey: string;
}

async function start(): Promise<Running> {
  const child = spawn(process.execPath, ['dist/main/browser-mode.mjs', '--port', '0', '--data', dataDir, '--no-open', '--test-mode'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const site = /Account site \(My Apple ID\): (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      const apps = /Control center: +(http:\/\/127\.0\.0\.1:\d+)\/control#key=([\w-]+)/.exec(output);
      if (site && apps) {
        clearTimeout(timer);
        resolve({ child, site, apps: apps[1]!, launchKey: apps[2]! });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited ${code}:\n${output}`)));
  });
}

/** A JSON call the way the pages make it; the session (cookie and key) and the launch key kept by hand. */
class Client {
  cookie = '';
  sessionKey = '';
  constructor(private readonly running: Running) {}

  async call<T = unknown>(server: 'site' | 'apps', method: string, body: object = {}): Promise<{ ok: boolean; value: T; error?: { code: string } }> {
    const origin = this.running[server];
    const auth: Record<string, string> =
      server === 'apps' ? { 'x-twostep-key': this.running.launchKey } : this.cookie ? { cookie: this.cookie, 'x-twostep-session': this.sessionKey } : {};
    const response = await fetch(`${origin}/api/${server === 'site' ? 'site' : 'app'}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, ...auth },
      body: JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const result = (await response.json()) as { ok: boolean; value: T; error?: { code: string } };
    const sessionKey = (result.value as { sessionKey?: unknown } | undefined)?.sessionKey;
    if (typeof sessionKey === 'string') this.sessionKey = sessionKey;
    return result;
  }

  /** Test mode's clock: moved on between runs, so the hourly limit on codes never starves a sign-in. */
  async advanceClock(ms: number): Promise<void> {
    const origin = this.running.site;
    await fetch(`${origin}/api/test/advance-clock`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify({ ms }) });
  }

  async signInSite(password: string): Promise<boolean> {
    const started = await this.call<{ status: string; verificationId: string; devices: { id: number }[] }>('site', 'signIn', { appleId: APPLE_ID, password });
    if (!started.ok) return false;
    const { verificationId, devices } = started.value;
    await this.call('site', 'sendCode', { verificationId, deviceId: devices[0]!.id });
    const notes = await this.call<{ code: string }[]>('apps', 'deviceNotifications');
    return (await this.call('site', 'verifyCode', { verificationId, code: notes.value[0]!.code })).ok;
  }
}

/** What the client was told, and what it cannot know (the answer lost with the kill). */
interface Model {
  passwords: string[]; // candidates: one, or two while a change's answer was lost
  mustWork: Map<string, string>; // app-specific password → label
  mustFail: Set<string>;
  acknowledged: number;
}

async function load(client: Client, model: Model, random: () => number): Promise<void> {
  for (;;) {
    const pick = random();
    const active = [...model.mustWork.keys()];
    if (pick < 0.35 || active.length === 0) {
      if (active.length >= 20) continue;
      const label = `App ${Math.floor(random() * 1e6)}`;
      const made = await client.call<{ password: string }>('site', 'createAppPassword', { label });
      if (made.ok) model.mustWork.set(made.value.password, label);
    } else if (pick < 0.55) {
      const password = active[Math.floor(random() * active.length)]!;
      const list = await client.call<{ id: number; label: string }[]>('site', 'listAppPasswords');
      const entry = list.value.find((p) => p.label === model.mustWork.get(password));
      if (!entry) continue;
      model.mustWork.delete(password); // unknown until answered
      const revoked = await client.call('site', 'revokeAppPassword', { appPasswordId: entry.id });
      if (revoked.ok) model.mustFail.add(password);
    } else if (pick < 0.75) {
      const password = active[Math.floor(random() * active.length)]!;
      await client.call('apps', 'clientSignIn', { clientKind: 'third-party', appleId: APPLE_ID, password });
    } else if (pick < 0.95) {
      const started = await client.call<{ verificationId: string; devices: { id: number }[] }>('site', 'signIn', { appleId: APPLE_ID, password: model.passwords[0] });
      if (started.ok) await client.call('site', 'sendCode', { verificationId: started.value.verificationId, deviceId: started.value.devices[0]!.id });
    } else {
      const next = `Changed-${Math.floor(random() * 1e9)}`;
      const current = model.passwords[0]!;
      const before = [...model.mustWork.keys()];
      model.passwords = [current, next];
      for (const p of before) model.mustWork.delete(p);
      const changed = await client.call('site', 'changePassword', { currentPassword: current, newPassword: next });
      if (changed.ok) {
        model.passwords = [next];
        for (const p of before) model.mustFail.add(p);
      } else model.passwords = [current];
    }
    model.acknowledged += 1;
  }
}

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('durability', () => {
  it(`loses nothing confirmed across ${CYCLES} SIGKILLs under a mixed write load`, async () => {
    const random = mulberry32(20151225);
    const model: Model = { passwords: ['Twostep-Demo-2015'], mustWork: new Map(), mustFail: new Set(), acknowledged: 0 };
    let checkedPasswords = 0;
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const running = await start();
      const client = new Client(running);
      // Each start's clock begins at the real time: move it past every code the runs before sent.
      await client.advanceClock((cycle + 1) * 2 * 60 * 60_000);

      // What was confirmed before the last kill is all there.
      let signedIn = false;
      for (const candidate of model.passwords) {
        if (await client.signInSite(candidate)) {
          model.passwords = [candidate];
          signedIn = true;
          break;
        }
      }
      expect(signedIn, `cycle ${cycle}: no known password signs in`).toBe(true);
      for (const [password] of model.mustWork) {
        const result = await client.call<{ status: string }>('apps', 'clientSignIn', { clientKind: 'third-party', appleId: APPLE_ID, password });
        expect(result.value?.status, `cycle ${cycle}: a confirmed app-specific password was lost`).toBe('SIGNED_IN');
        checkedPasswords += 1;
      }
      let refused = 0;
      for (const password of model.mustFail) {
        const result = await client.call('apps', 'clientSignIn', { clientKind: 'third-party', appleId: APPLE_ID, password });
        expect(result.error?.code, `cycle ${cycle}: a confirmed revocation was lost`).toBe('INCORRECT');
        // Each refusal counts toward the lock: a completed sign-in starts the count again.
        if (++refused % 3 === 0) await client.signInSite(model.passwords[0]!);
      }
      await client.signInSite(model.passwords[0]!);

      // Load, then SIGKILL at a random moment.
      const killAfter = 30 + Math.floor(random() * 400);
      const killed = new Promise<void>((resolve) => running.child.once('exit', () => resolve()));
      setTimeout(() => running.child.kill('SIGKILL'), killAfter);
      await load(client, model, random).catch(() => undefined);
      await killed;

      const dbPath = join(dataDir, 'twostep.sqlite');
      expect(existsSync(dbPath)).toBe(true);
      const db = new Database(dbPath);
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        db.close();
      }
      // Keep the revoked set small: sign-in attempts with them count as failures.
      if (model.mustFail.size > 8) model.mustFail = new Set([...model.mustFail].slice(-8));
    }
    console.log(
      `durability: ${CYCLES} SIGKILLs under load, ${model.acknowledged} confirmed writes and reads, ` +
        `${checkedPasswords} confirmed app-specific passwords re-checked after restarts; integrity_check ok every time`,
    );
  }, 600_000);
});

#!/usr/bin/env node
// `npm run scan`: builds, starts browser mode on free ports with an empty store, and points
// Debian's sqlmap and wapiti at it: sqlmap at the JSON methods that take an Apple ID and a
// secret (on the account site and on the app server, with this launch's key), wapiti at every
// page and header of both servers. Not part of `npm test`: at sqlmap's deepest settings it
// takes half an hour. Exits 1 on any finding not listed in ACCEPTED below.
//
//   npm run scan                  sqlmap --level 5 --risk 3
//   npm run scan -- --level 3     lighter and faster (sqlmap's --level, 1-5; risk follows)
//
// Needs: apt-get install -y sqlmap wapiti. Reports go to test-results/scan/.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { level: { type: 'string', default: '5' } } });
const level = Number(values.level);
if (!Number.isInteger(level) || level < 1 || level > 5) {
  console.error('--level takes 1 to 5');
  process.exit(2);
}
const risk = Math.min(3, Math.max(1, level - 2));

/**
 * wapiti findings we keep on purpose. wapiti 3.0.4 wants `X-XSS-Protection: 1; mode=block`;
 * we send `0`, as OWASP and every current browser advise (the old filter was itself a leak).
 * Strict-Transport-Security means nothing on plain HTTP to 127.0.0.1: browsers ignore it there
 * (RFC 6797 §8.1), and there is no HTTPS to pin.
 */
const ACCEPTED = [/^X-XSS-Protection is not set$/, /^Strict-Transport-Security is not set$/];

for (const tool of ['sqlmap', 'wapiti']) {
  if (spawnSync(tool, ['--version'], { stdio: 'ignore' }).error) {
    console.error(`${tool} is not installed: apt-get install -y sqlmap wapiti`);
    process.exit(2);
  }
}
const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const out = join(process.cwd(), 'test-results', 'scan');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const data = mkdtempSync(join(tmpdir(), 'twostep-scan-'));
const server = spawn(
  process.execPath,
  ['dist/main/browser-mode.mjs', '--port', '0', '--app-port', '0', '--data', data, '--no-open'],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const stop = () => {
  server.kill('SIGTERM');
  rmSync(data, { recursive: true, force: true });
};
process.on('SIGINT', () => {
  stop();
  process.exit(130);
});

let failed = false;
const lines = [];
try {
  /** The account site's origin, the app server's origin and this launch's key, once printed. */
  const addresses = await new Promise((resolve, reject) => {
    let printed = '';
    server.stdout.on('data', (chunk) => {
      printed += chunk;
      const site = /Account site \(My Apple ID\): (http:\/\/127\.0\.0\.1:\d+)/.exec(printed);
      const app = /Control center: +(http:\/\/127\.0\.0\.1:\d+)\/control#key=([\w-]+)/.exec(printed);
      if (site && app) resolve({ site: site[1], app: app[1], key: app[2] });
    });
    server.on('exit', (code) => reject(new Error(`browser mode ended (${code}) before it printed its addresses`)));
  });
  console.log(`scanning ${addresses.site} (account site) and ${addresses.app} (app server)`);

  const json = 'Content-Type: application/json';
  const siteHeaders = [`Origin: ${addresses.site}`, json];
  const appHeaders = [`Origin: ${addresses.app}`, `x-twostep-key: ${addresses.key}`, json];
  // Valid values, so that each payload is the only thing wrong: an Apple ID with no account
  // (the password path runs in full), the demo account's ID with a key of the right shape.
  const targets = [
    { name: 'site-signIn', url: `${addresses.site}/api/site/signIn`, headers: siteHeaders, body: { appleId: 'nobody@twostep.example', password: 'not-the-password' } },
    { name: 'site-beginUnlock', url: `${addresses.site}/api/site/beginUnlock`, headers: siteHeaders, body: { appleId: 'demo@twostep.example', recoveryKey: 'ABCD-EFGH-JKLM-NP' } },
    { name: 'app-clientSignIn', url: `${addresses.app}/api/app/clientSignIn`, headers: appHeaders, body: { clientKind: 'messages', appleId: 'nobody@twostep.example', password: 'not-the-password' } },
  ];

  for (const target of targets) {
    const traffic = join(out, `${target.name}.traffic`);
    const run = spawnSync(
      'sqlmap',
      [
        '-u', target.url,
        `--data=${JSON.stringify(target.body)}`,
        `--headers=${target.headers.join('\n')}`,
        '--batch', `--level=${level}`, `--risk=${risk}`, '--dbms=SQLite',
        // Refusals are the answers under test, not errors that should stop the run.
        '--ignore-code=400,401,403,404,409,423,429',
        '-t', traffic, `--output-dir=${join(out, 'sqlmap')}`, '--flush-session',
      ],
      { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
    );
    writeFileSync(join(out, `${target.name}.log`), run.stdout + run.stderr);
    if (!existsSync(traffic)) {
      failed = true;
      lines.push(`sqlmap ${target.name}: ended with ${run.status} and sent nothing (see test-results/scan/${target.name}.log)`);
      console.log(lines.at(-1));
      continue;
    }
    const sent = readFileSync(traffic, 'utf8');
    const statuses = {};
    for (const [, status] of sent.matchAll(/^HTTP response \[#\d+\] \((\d+)/gm)) statuses[status] = (statuses[status] ?? 0) + 1;
    const injectable = /sqlmap identified the following injection point/.test(run.stdout);
    failed ||= injectable || run.status !== 0;
    const count = Object.values(statuses).reduce((a, b) => a + b, 0);
    const answers = Object.entries(statuses).map(([status, n]) => `${n} × ${status}`).join(', ');
    lines.push(`sqlmap ${target.name}: ${count} requests (${answers}); ${injectable ? 'INJECTABLE' : 'nothing injectable'}`);
    console.log(lines.at(-1));
  }

  const modules = spawnSync('wapiti', ['--list-modules'], { encoding: 'utf8' })
    .stdout.split('\n')
    .map((line) => /^\t([a-z_]+)( \(used by default\))?$/.exec(line)?.[1])
    .filter((name) => name && name !== 'wapp' && name !== 'nikto'); // both need databases fetched from the internet
  for (const [name, url, headers] of [
    ['site', `${addresses.site}/`, []],
    ['app', `${addresses.app}/control`, ['-H', `x-twostep-key: ${addresses.key}`]],
  ]) {
    const report = join(out, `wapiti-${name}.json`);
    const run = spawnSync(
      'wapiti',
      ['-u', url, '--scope', 'folder', '-m', modules.join(','), '--flush-session', '-f', 'json', '-o', report, '--max-scan-time', '900', ...headers],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    writeFileSync(join(out, `wapiti-${name}.log`), run.stdout + run.stderr);
    if (run.status !== 0) {
      failed = true;
      lines.push(`wapiti ${name}: ended with ${run.status} (see test-results/scan/wapiti-${name}.log)`);
      console.log(lines.at(-1));
      continue;
    }
    const result = JSON.parse(readFileSync(report, 'utf8'));
    const urls = /Wapiti found (\d+) URLs/.exec(run.stdout)?.[1] ?? '?';
    const found = [...Object.entries(result.vulnerabilities), ...Object.entries(result.anomalies)].flatMap(([kind, list]) =>
      list.map((item) => ({ kind, info: item.info, path: item.path })),
    );
    const open = found.filter((item) => !ACCEPTED.some((pattern) => pattern.test(item.info)));
    failed ||= open.length > 0;
    lines.push(
      `wapiti ${name}: ${urls} URLs and forms, ${modules.length} modules; ${found.length - open.length} accepted header notes; ${open.length ? open.map((item) => `${item.kind}: ${item.info} at ${item.path}`).join('; ') : 'no finding'}`,
    );
    console.log(lines.at(-1));
  }
} finally {
  // Also when a scanner ends unexpectedly: no browser mode left running, no store left behind.
  stop();
}
writeFileSync(join(out, 'summary.txt'), `${lines.join('\n')}\n`);
console.log(failed ? 'scan: a finding, or a scanner that failed (see test-results/scan/summary.txt)' : 'scan: no finding');
process.exit(failed ? 1 : 0);

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IdentityService } from '../main/identity/identity-service.js';
import { startMailServers } from '../main/mail/mail-servers.js';

/**
 * The mail servers in a process of their own, as browser mode runs them (production cost, a
 * store in a private temporary folder), with the demo account's 25 app-specific passwords made
 * the way a user makes them (the account site, a code from the trusted iPhone). Prints one JSON
 * line, then serves until killed; on a line "revoke <id>" on stdin it revokes that password and
 * prints the time it did so.
 */
export async function mailServerChild(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'twostep-bench-mail-'));
  const service = await IdentityService.open({ path: join(dir, 'twostep.sqlite') });
  const mail = await startMailServers({ service, dataDir: dir, imapPort: 0, smtpPort: 0, imapsPort: 0, smtpsPort: 0 });
  const signIn = await service.signInAccountSite({ appleId: 'demo@twostep.example', password: 'Twostep-Demo-2015' });
  if (signIn.status !== 'VERIFICATION_REQUIRED') throw new Error('expected a code');
  const device = signIn.devices.find((d) => d.kind === 'iphone')!.id;
  service.sendAccountSiteCode({ verificationId: signIn.verificationId, deviceId: device });
  const code = service.deviceNotifications(device)[0]!.code;
  const { token } = service.completeAccountSiteSignIn({ verificationId: signIn.verificationId, code });
  const passwords = Array.from({ length: 25 }, (_, i) => service.createAppPassword(token, { label: `Bench ${i}` }));
  await mail.notificationsDelivered();
  console.log(JSON.stringify({ pid: process.pid, imapPort: mail.imapPort, passwords: passwords.map((p) => ({ id: p.appPassword.id, password: p.password })) }));
  let buffer = '';
  process.stdin.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let newline;
    while ((newline = buffer.indexOf('\n')) !== -1) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      const match = /^revoke (\d+)$/.exec(line);
      if (!match) continue;
      // performance.timeOrigin + now(): a wall clock with sub-millisecond steps, comparable across processes.
      const at = performance.timeOrigin + performance.now();
      service.revokeAppPassword(token, { appPasswordId: Number(match[1]) });
      console.log(JSON.stringify({ revoked: Number(match[1]), at }));
    }
  });
}

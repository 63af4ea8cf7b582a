import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, openMail, python } from './mail-harness.js';

/**
 * IMAPS and SMTPS (submissions): TLS from the first byte (RFC 8314), as iCloud's IMAP on 993
 * was, for clients that cannot do STARTTLS (getmail6) or are set up as for the provider.
 */
const USER = DEMO_ACCOUNT.appleId;

function tlsGreeting(port: number, ca: Buffer, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1', ca, ...(host === '127.0.0.1' ? {} : { servername: host }) }, () => undefined);
    let text = '';
    socket.on('data', (d: Buffer) => {
      text += d.toString();
      if (text.includes('\r\n')) {
        socket.destroy();
        resolve(text.split('\r\n')[0]!);
      }
    });
    socket.once('error', reject);
  });
}

describe('the implicit-TLS ports', () => {
  it('speak TLS from the first byte with the certificate for localhost and 127.0.0.1, and offer no STARTTLS', async () => {
    const h = await openMail();
    const ca = readFileSync(join(h.dataDir, 'mail-tls-cert.pem'));
    for (const host of ['localhost', '127.0.0.1']) {
      expect(await tlsGreeting(h.mail.imapsPort, ca, host)).toBe('* OK [CAPABILITY IMAP4 IMAP4rev1 SASL-IR AUTH=PLAIN] iCloud IMAP4 service ready (TwoStep simulation)');
      expect(await tlsGreeting(h.mail.smtpsPort, ca, host)).toBe('220 127.0.0.1 ESMTP iCloud SMTP (TwoStep simulation)');
    }
    expect(h.mail.view().imaps).toEqual({ host: '127.0.0.1', port: h.mail.imapsPort, security: 'SSL/TLS from the first byte' });
  });

  it("python3's IMAP4_SSL and SMTP_SSL, the certificate checked against localhost: the normal password refused, the app-specific one sends and reads", async () => {
    const h = await openMail();
    const result = await python(
      `
import imaplib, smtplib, ssl, os
ctx = ssl.create_default_context(cafile=os.path.join(os.environ['DATA'], 'mail-tls-cert.pem'))
s = smtplib.SMTP_SSL('localhost', int(os.environ['SMTPS']), context=ctx)
s.ehlo()
print('STARTTLS offered:', s.has_extn('starttls'))
try:
    s.login(os.environ['USER'], os.environ['PASSWORD'])
except smtplib.SMTPAuthenticationError as e:
    print('SMTP refused', e.smtp_code)
s.login(os.environ['USER'], os.environ['ASP'])
s.sendmail(os.environ['USER'], [os.environ['USER']], 'From: %s\\r\\nTo: %s\\r\\nSubject: over SMTPS\\r\\n\\r\\nhi\\r\\n' % (os.environ['USER'], os.environ['USER']))
s.quit()
m = imaplib.IMAP4_SSL('localhost', int(os.environ['IMAPS']), ssl_context=ctx)
try:
    m.login(os.environ['USER'], os.environ['PASSWORD'])
except imaplib.IMAP4.error as e:
    print('IMAP refused', e)
m.login(os.environ['USER'], os.environ['ASP'])
m.select('INBOX')
typ, data = m.search(None, 'SUBJECT', '"over SMTPS"')
print('found', data[0].decode())
m.logout()
`,
      { SMTPS: h.mail.smtpsPort, IMAPS: h.mail.imapsPort, USER, PASSWORD: DEMO_ACCOUNT.password, ASP: h.appPassword, DATA: h.dataDir },
    );
    expect(result.stderr).toBe('');
    expect(result.stdout.trim().split('\n')).toEqual(['STARTTLS offered: False', 'SMTP refused 535', "IMAP refused b'[AUTHENTICATIONFAILED] Authentication failed'", 'found 2']);
  });
});

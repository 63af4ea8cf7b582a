import type { IdentityService } from '../identity/identity-service.js';
import { startMailServers, type MailServers } from './mail-servers.js';

export const DEFAULT_IMAP_PORT = 1143;
export const DEFAULT_SMTP_PORT = 1587;
export const DEFAULT_IMAPS_PORT = 1993;
export const DEFAULT_SMTPS_PORT = 1465;

/**
 * The desktop app's mail servers: on the usual ports (1143, 1587 and the implicit-TLS 1993,
 * 1465; TWOSTEP_IMAP_PORT, TWOSTEP_SMTP_PORT, TWOSTEP_IMAPS_PORT and TWOSTEP_SMTPS_PORT override
 * them), or — when another program holds one — on free ports, which the control center shows.
 * The app never refuses to start for want of a port.
 */
export async function startDesktopMailServers(service: IdentityService, dataDir: string): Promise<MailServers> {
  const imapPort = portFrom(process.env.TWOSTEP_IMAP_PORT, DEFAULT_IMAP_PORT);
  const smtpPort = portFrom(process.env.TWOSTEP_SMTP_PORT, DEFAULT_SMTP_PORT);
  const imapsPort = portFrom(process.env.TWOSTEP_IMAPS_PORT, DEFAULT_IMAPS_PORT);
  const smtpsPort = portFrom(process.env.TWOSTEP_SMTPS_PORT, DEFAULT_SMTPS_PORT);
  try {
    return await startMailServers({ service, dataDir, imapPort, smtpPort, imapsPort, smtpsPort });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    console.warn(`TwoStep: one of the ports ${imapPort}, ${smtpPort}, ${imapsPort}, ${smtpsPort} is in use; the mail servers take free ports (see the control center).`);
    return startMailServers({ service, dataDir, imapPort: 0, smtpPort: 0, imapsPort: 0, smtpsPort: 0 });
  }
}

function portFrom(value: string | undefined, fallback: number): number {
  const port = Number(value);
  return value !== undefined && /^\d+$/.test(value) && port <= 65535 ? port : fallback;
}

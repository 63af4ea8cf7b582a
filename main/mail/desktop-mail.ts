import type { IdentityService } from '../identity/identity-service.js';
import { startMailServers, type MailListenerLimits, type MailServers } from './mail-servers.js';

export const DEFAULT_IMAP_PORT = 1143;
export const DEFAULT_SMTP_PORT = 1587;

/**
 * The desktop app's mail servers: on the usual ports (1143, 1587; TWOSTEP_IMAP_PORT and
 * TWOSTEP_SMTP_PORT override them), or — when another program holds one — on free ports, which
 * the control center shows. The app never refuses to start for want of a port.
 */
export async function startDesktopMailServers(service: IdentityService, dataDir: string, limits?: MailListenerLimits): Promise<MailServers> {
  const imapPort = portFrom(process.env.TWOSTEP_IMAP_PORT, DEFAULT_IMAP_PORT);
  const smtpPort = portFrom(process.env.TWOSTEP_SMTP_PORT, DEFAULT_SMTP_PORT);
  try {
    return await startMailServers({ service, dataDir, imapPort, smtpPort, ...(limits ? { limits } : {}) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    console.warn(`TwoStep: port ${imapPort} or ${smtpPort} is in use; the mail servers take free ports (see the control center).`);
    return startMailServers({ service, dataDir, imapPort: 0, smtpPort: 0, ...(limits ? { limits } : {}) });
  }
}

function portFrom(value: string | undefined, fallback: number): number {
  const port = Number(value);
  return value !== undefined && /^\d+$/.test(value) && port <= 65535 ? port : fallback;
}

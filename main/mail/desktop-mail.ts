import type { IdentityService } from '../identity/identity-service.js';
import { startMailServers, type MailListenerLimits, type MailServers } from './mail-servers.js';

export const DEFAULT_IMAP_PORT = 1143;
export const DEFAULT_SMTP_PORT = 1587;
export const DEFAULT_IMAPS_PORT = 1993;
export const DEFAULT_SMTPS_PORT = 1465;

/**
 * What listen() fails with when this port cannot be had but another could: another program holds
 * it (EADDRINUSE); it lies in a range Windows reserves for Hyper-V or WSL2, or is privileged
 * (EACCES); the address is not available for it (EADDRNOTAVAIL).
 */
const PORT_UNAVAILABLE = new Set(['EADDRINUSE', 'EACCES', 'EADDRNOTAVAIL']);

/**
 * The desktop app's mail servers: on the usual ports (1143, 1587 and the implicit-TLS 1993,
 * 1465; TWOSTEP_IMAP_PORT, TWOSTEP_SMTP_PORT, TWOSTEP_IMAPS_PORT and TWOSTEP_SMTPS_PORT override
 * them), or — when the system will not give one — on free ports, which the control center shows.
 * The app never refuses to start for want of a port.
 */
export async function startDesktopMailServers(service: IdentityService, dataDir: string, limits?: MailListenerLimits): Promise<MailServers> {
  const imapPort = portFrom(process.env.TWOSTEP_IMAP_PORT, DEFAULT_IMAP_PORT);
  const smtpPort = portFrom(process.env.TWOSTEP_SMTP_PORT, DEFAULT_SMTP_PORT);
  const imapsPort = portFrom(process.env.TWOSTEP_IMAPS_PORT, DEFAULT_IMAPS_PORT);
  const smtpsPort = portFrom(process.env.TWOSTEP_SMTPS_PORT, DEFAULT_SMTPS_PORT);
  try {
    return await startMailServers({ service, dataDir, imapPort, smtpPort, imapsPort, smtpsPort, ...(limits ? { limits } : {}) });
  } catch (error) {
    const { code, port } = error as NodeJS.ErrnoException & { port?: number };
    if (!code || !PORT_UNAVAILABLE.has(code)) throw error;
    console.warn(
      `TwoStep: 127.0.0.1:${port ?? `${imapPort}, ${smtpPort}, ${imapsPort} or ${smtpsPort}`} cannot be used (${code}); the mail servers take free ports instead (the control center shows them).`,
    );
    return startMailServers({ service, dataDir, imapPort: 0, smtpPort: 0, imapsPort: 0, smtpsPort: 0, ...(limits ? { limits } : {}) });
  }
}

function portFrom(value: string | undefined, fallback: number): number {
  const port = Number(value);
  return value !== undefined && /^\d+$/.test(value) && port <= 65535 ? port : fallback;
}

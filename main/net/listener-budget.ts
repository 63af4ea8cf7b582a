import { MAX_REFUSING, type ConnectionLimits } from './connection-guard.js';
import { raiseDescriptorLimit, type DescriptorLimit } from './descriptor-limit.js';

const SECOND = 1000;

/**
 * What each listener lets its clients hold. The mail servers' idle time before sign-in is 60 s and
 * a sign-in must come within 3 minutes, as Dovecot's login processes; the HTTP servers count a
 * connection "signed in" from its first request, after which Node's own limits apply
 * (headersTimeout 60 s, keepAliveTimeout 5 s). Per client address: on 127.0.0.1 every client has
 * the same one (another loopback address, 127.0.0.2, is another), so the listener's cap is what
 * holds — these keep any one address from taking it all.
 */
export const LISTENER_LIMITS = {
  imap: { maxConnections: 1000, maxPerAddress: 500, idleBeforeSignInMs: 60 * SECOND, signInWithinMs: 180 * SECOND },
  // IMAPS and SMTPS (implicit TLS, RFC 8314): the same sessions on their own listeners, with caps of their own.
  imaps: { maxConnections: 1000, maxPerAddress: 500, idleBeforeSignInMs: 60 * SECOND, signInWithinMs: 180 * SECOND },
  smtp: { maxConnections: 200, maxPerAddress: 100, idleBeforeSignInMs: 60 * SECOND, signInWithinMs: 180 * SECOND },
  smtps: { maxConnections: 200, maxPerAddress: 100, idleBeforeSignInMs: 60 * SECOND, signInWithinMs: 180 * SECOND },
  accountSite: { maxConnections: 256, maxPerAddress: 192, idleBeforeSignInMs: 60 * SECOND, signInWithinMs: 60 * SECOND },
  appServer: { maxConnections: 256, maxPerAddress: 192, idleBeforeSignInMs: 60 * SECOND, signInWithinMs: 60 * SECOND },
} satisfies Record<string, ConnectionLimits>;

export type ListenerName = keyof typeof LISTENER_LIMITS;

/** Descriptors left for everything that is no client's connection: the store and its WAL, stdio, the event loop, outgoing connections (Tern Mail's). */
const RESERVED_DESCRIPTORS = 128;
/** No listener is cut below this, however few descriptors the process has. */
const SMALLEST_CAP = 8;

/**
 * The limits of these listeners, their caps scaled down together when the process's descriptor
 * limit could not hold them all (each listener also holds up to MAX_REFUSING connections while it
 * says no to them): what the mail servers hold can then never take the descriptors the account
 * site and the app server need. With no limit known (Windows), the defaults.
 */
export function fitToDescriptors<Name extends string>(
  limits: Record<Name, ConnectionLimits>,
  descriptors: number | null,
): Record<Name, ConnectionLimits> {
  const names = Object.keys(limits) as Name[];
  const wanted = names.reduce((sum, name) => sum + limits[name].maxConnections, 0);
  const room = descriptors === null ? wanted : descriptors - RESERVED_DESCRIPTORS - MAX_REFUSING * names.length;
  if (room >= wanted) return limits;
  const share = Math.max(0, room) / wanted;
  const fitted = {} as Record<Name, ConnectionLimits>;
  for (const name of names) {
    const own = limits[name];
    const maxConnections = Math.max(SMALLEST_CAP, Math.floor(own.maxConnections * share));
    fitted[name] = { ...own, maxConnections, maxPerAddress: Math.min(maxConnections, Math.max(SMALLEST_CAP, Math.floor(own.maxPerAddress * share))) };
  }
  return fitted;
}

export interface ProcessLimits {
  limits: Record<ListenerName, ConnectionLimits>;
  /** The process's descriptor limit after raising it, or null where the system does not say. */
  descriptors: DescriptorLimit | null;
  /** True when the caps had to be made smaller than LISTENER_LIMITS to fit the descriptors. */
  fitted: boolean;
}

/** At start: the descriptor limit raised where it can be, and every listener's caps fitted to it. */
export function limitsForThisProcess(): ProcessLimits {
  const descriptors = raiseDescriptorLimit();
  const limits = fitToDescriptors(LISTENER_LIMITS, descriptors?.soft ?? null);
  return { limits, descriptors, fitted: limits !== LISTENER_LIMITS };
}

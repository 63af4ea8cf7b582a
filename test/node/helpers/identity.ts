import { onTestFinished } from 'vitest';
import type { ClientKind, ServiceEvent } from '../../../preload/contract/models.js';
import { ManualClock } from '../../../main/identity/clock.js';
import { TEST_SCRYPT_COST } from '../../../main/identity/crypto/password-hasher.js';
import { IdentityError } from '../../../main/identity/identity-error.js';
import { IdentityService } from '../../../main/identity/identity-service.js';
import { DEMO_ACCOUNT } from '../../../main/identity/service/demo-account.js';

export { DEMO_ACCOUNT };

export interface TestService {
  service: IdentityService;
  clock: ManualClock;
}

/**
 * A fresh identity service on a manual clock at test scrypt cost, closed when the test ends.
 * In memory unless a path is given; seeded with the demo account unless told otherwise.
 */
export async function openService(
  options: { path?: string; seedDemo?: boolean; clock?: ManualClock; warn?: (message: string) => void; decoyHashesPerSecond?: number } = {},
): Promise<TestService> {
  const clock = options.clock ?? new ManualClock();
  const service = await IdentityService.open({
    path: options.path ?? ':memory:',
    clock,
    scryptCost: TEST_SCRYPT_COST,
    seedDemo: options.seedDemo ?? true,
    ...(options.warn ? { warn: options.warn } : {}),
    // Unknown Apple IDs hash without production's shared pace (2 a second) unless a test asks for a pace.
    decoyHashesPerSecond: options.decoyHashesPerSecond ?? 10_000,
  });
  onTestFinished(() => {
    if (service.database.open) service.close();
  });
  return { service, clock };
}

/**
 * The code the device shows now (newest notification), as the user would read it off the phone —
 * under two-factor authentication after tapping Allow, if the iPhone is asking first.
 */
export function codeOnDevice(service: IdentityService, deviceId?: number): string {
  const asking = service.deviceNotifications(deviceId)[0];
  if (asking?.request?.decision === 'pending') service.answerSignInRequest({ requestId: asking.id, allow: true });
  const notification = service.deviceNotifications(deviceId)[0];
  if (!notification) throw new Error(`no code on device ${deviceId ?? '(any)'}`);
  return notification.code;
}

/** The sign-in request the trusted iPhone shows now (two-factor), still waiting for Allow or Don't Allow. */
export function pendingRequest(service: IdentityService, deviceId?: number) {
  const request = service.deviceNotifications(deviceId).find((n) => n.request?.decision === 'pending');
  if (!request) throw new Error(`no sign-in request on device ${deviceId ?? '(any)'}`);
  return request;
}

/** Two-factor: Allow on the iPhone, as the user taps it, then the code it shows. */
export function allowOnIPhone(service: IdentityService, deviceId?: number): string {
  service.answerSignInRequest({ requestId: pendingRequest(service, deviceId).id, allow: true });
  return codeOnDevice(service, deviceId);
}

/** The newest code sent to a device or number of that name (a number being added has no device id yet). */
export function codeSentTo(service: IdentityService, deviceName: string): string {
  const notification = service.deviceNotifications().find((n) => n.deviceName === deviceName);
  if (!notification) throw new Error(`no code sent to ${deviceName}`);
  return notification.code;
}

/**
 * Adds a trusted phone number as the user does: the current password (step-up), then the code
 * the new number received by SMS.
 */
export async function addPhone(service: IdentityService, token: string, phoneNumber: string, currentPassword: string = DEMO_ACCOUNT.password) {
  const pending = await service.addTrustedPhone(token, { phoneNumber, currentPassword });
  return service.confirmTrustedPhone(token, { verificationId: pending.verificationId, code: codeSentTo(service, pending.phoneNumber) });
}

/** The account's trusted device of that kind, as the sign-in challenge lists it. */
export function deviceOf(devices: { id: number; kind: string }[], kind: 'iphone' | 'phone'): number {
  const device = devices.find((d) => d.kind === kind);
  if (!device) throw new Error(`no ${kind} among the trusted devices`);
  return device.id;
}

/**
 * Signs in to My Apple ID as the user does: password, then a code sent to the trusted iPhone
 * (or the phone), read from the device. Returns the session token. With security level none
 * the password alone signs in.
 */
export async function signInSite(
  service: IdentityService,
  credentials: { appleId?: string; password?: string; device?: 'iphone' | 'phone' } = {},
): Promise<string> {
  const appleId = credentials.appleId ?? DEMO_ACCOUNT.appleId;
  const password = credentials.password ?? DEMO_ACCOUNT.password;
  const result = await service.signInAccountSite({ appleId, password });
  if (result.status === 'SIGNED_IN') return result.token;
  const deviceId = deviceOf(result.devices, credentials.device ?? 'iphone');
  service.sendAccountSiteCode({ verificationId: result.verificationId, deviceId });
  return service.completeAccountSiteSignIn({ verificationId: result.verificationId, code: codeOnDevice(service, deviceId) }).token;
}

/** Opens a service with the demo account and signs in to the account site. */
export async function openSignedIn(options: { path?: string } = {}): Promise<TestService & { token: string }> {
  const opened = await openService(options);
  const token = await signInSite(opened.service);
  return { ...opened, token };
}

/** Signs an app in with an app-specific password (or any password) and expects it signed in. */
export async function signInApp(service: IdentityService, clientKind: ClientKind, password: string, appleId: string = DEMO_ACCOUNT.appleId) {
  const result = await service.signInClient({ clientKind, appleId, password });
  if (result.status !== 'SIGNED_IN') throw new Error(`${clientKind} was not signed in: ${result.status}`);
  return result.session;
}

/** Runs `action` and returns the IdentityError it failed with; fails the test if it succeeded or threw something else. */
export async function identityError(action: () => unknown): Promise<IdentityError> {
  try {
    await action();
  } catch (error) {
    if (error instanceof IdentityError) return error;
    throw error;
  }
  throw new Error('expected the call to be refused with an IdentityError, but it succeeded');
}

/** Everything the service publishes from now on. */
export function recordEvents(service: IdentityService): ServiceEvent[] {
  const events: ServiceEvent[] = [];
  const unsubscribe = service.subscribe((event) => events.push(event));
  onTestFinished(() => {
    unsubscribe();
  });
  return events;
}

export function endedSessions(events: ServiceEvent[]) {
  return events.flatMap((e) => (e.type === 'client-session-ended' ? [e] : []));
}

/** The whole activity log, oldest first. */
export function activityLog(service: IdentityService) {
  return service.activity({ limit: 500 }).reverse();
}

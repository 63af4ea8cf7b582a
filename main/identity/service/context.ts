import type { ServiceEvent } from '../../../preload/contract/models.js';
import type { IdentityError } from '../identity-error.js';
import type { Clock } from '../clock.js';
import type { KeyedHash } from '../crypto/keyed-hash.js';
import type { PasswordHasher } from '../crypto/password-hasher.js';
import type { Db } from '../store/database.js';
import type { NewActivity } from '../store/activity-repo.js';
import type { Repositories } from '../store/repositories.js';
import type { DeviceInbox } from './device-inbox.js';
import type { EventBus } from './event-bus.js';

/** What every part of the identity service works with. */
export interface ServiceContext {
  db: Db;
  repos: Repositories;
  clock: Clock;
  hasher: PasswordHasher;
  keyed: KeyedHash;
  bus: EventBus;
  inbox: DeviceInbox;
}

/** Inside a transaction: log and queue events; the events go out only once it has committed. */
export interface Tx {
  now: number;
  log(entry: NewActivity): void;
  emit(event: ServiceEvent): void;
  /**
   * Ends the transaction with an error while keeping what it wrote (a counted failure, a
   * lock, its log entry): `throw tx.refuse(error)` commits, then throws `error`.
   */
  refuse(error: IdentityError): Refusal;
}

/** Thrown only inside `transact`, which commits and then throws the wrapped error instead. */
export class Refusal extends Error {
  constructor(readonly error: IdentityError) {
    super(error.code);
  }
}

/**
 * Runs `work` as one IMMEDIATE transaction: all of it is written, or none of it. Events
 * (including the activity entries) are published after COMMIT, so no subscriber ever sees a
 * change that was rolled back.
 */
export function transact<T>(ctx: ServiceContext, work: (tx: Tx) => T): T {
  return transactCounting(ctx, work).value;
}

/**
 * As `transact`, for a change that signs apps out: its `signedOutApps` also counts the sessions
 * outside the store (mail clients) that its revocations ended once committed — what the account
 * site shows as "Apps signed out".
 */
export function transactSigningOut<T extends { signedOutApps: number }>(ctx: ServiceContext, work: (tx: Tx) => T): T {
  const { value, endedElsewhere } = transactCounting(ctx, work);
  return { ...value, signedOutApps: value.signedOutApps + endedElsewhere };
}

function transactCounting<T>(ctx: ServiceContext, work: (tx: Tx) => T): { value: T; endedElsewhere: number } {
  const pending: ServiceEvent[] = [];
  const run = ctx.db.transaction((): { value: T } | { refusal: Refusal } => {
    pending.length = 0;
    const tx: Tx = {
      now: ctx.clock.now(),
      log: (entry) => pending.push({ type: 'activity', entry: ctx.repos.activity.insert(entry, tx.now) }),
      emit: (event) => pending.push(event),
      refuse: (error) => new Refusal(error),
    };
    try {
      return { value: work(tx) };
    } catch (thrown) {
      if (thrown instanceof Refusal) return { refusal: thrown };
      throw thrown;
    }
  });
  const outcome = run.immediate();
  let endedElsewhere = 0;
  for (const event of pending) {
    if (event.type === 'credentials-revoked') endedElsewhere += ctx.bus.endSessions(event);
    ctx.bus.publish(event);
  }
  if ('refusal' in outcome) throw outcome.refusal.error;
  return { value: outcome.value, endedElsewhere };
}

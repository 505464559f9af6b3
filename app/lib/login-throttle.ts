// Sign-in throttling rules, without I/O (app/models/login-attempt.server.ts applies them under row
// locks). Three buckets per attempt:
// - the pair (account, address): a few failures, then that address waits for the account;
// - the address: many failures across accounts (a guesser), then it waits — not for an address
//   the account has signed in from before;
// - the account: from addresses it has never signed in from, each failure past a few makes the
//   next attempt wait longer (doubling, capped): slowed, never locked, so a rival cannot shut a
//   mission out at a deadline, and its owner's own address keeps its way in.

export const LOGIN_LIMITS = {
  /** Window of the pair and address counts. */
  windowMs: 15 * 60 * 1000,
  /** Failures of one account from one address per window. */
  perPair: 5,
  /** Failures from one address across accounts per window (an address may front a whole mission). */
  perAddress: 30,
  /** Window of an account's count of failures from unfamiliar addresses. */
  accountWindowMs: 60 * 60 * 1000,
  /**
   * Failures from unfamiliar addresses before the account's attempts are spaced out: the pair's
   * limit, so that one address alone cannot slow the account down for everyone within a window.
   */
  accountFreeFailures: 5,
  accountBaseDelayMs: 1000,
  accountMaxDelayMs: 60 * 1000,
  /** How long a successful sign-in makes an address familiar for that account. */
  familiarForMs: 90 * 24 * 60 * 60 * 1000,
} as const;

export type ThrottleBucket = {
  failures: number;
  windowStartedAt: Date;
  nextAttemptAt: Date | null;
  succeededAt: Date | null;
};

export type ThrottleState = { account: ThrottleBucket; pair: ThrottleBucket; address: ThrottleBucket };

export type ThrottleDecision =
  | { admitted: true; familiar: boolean; next: ThrottleState }
  | { admitted: false; reason: "pair" | "address" | "account"; retryAfterSeconds: number; next: ThrottleState };

export function emptyBucket(now: Date): ThrottleBucket {
  return { failures: 0, windowStartedAt: now, nextAttemptAt: null, succeededAt: null };
}

/** The wait imposed on an account after its n-th failure from unfamiliar addresses in the window. */
export function accountDelayMs(failures: number): number {
  const over = failures - LOGIN_LIMITS.accountFreeFailures;
  if (over <= 0) return 0;
  return Math.min(LOGIN_LIMITS.accountBaseDelayMs * 2 ** (over - 1), LOGIN_LIMITS.accountMaxDelayMs);
}

function rolled(bucket: ThrottleBucket, windowMs: number, now: Date): ThrottleBucket {
  return now.getTime() - bucket.windowStartedAt.getTime() >= windowMs ? { ...bucket, failures: 0, windowStartedAt: now } : bucket;
}

const secondsUntil = (at: Date, now: Date) => Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 1000));

/**
 * Whether an attempt may have its password checked. An admitted attempt is counted as a failure
 * at once (the caller writes `next` before checking the password) and un-counted if it succeeds,
 * so parallel attempts cannot all slip under the limits.
 */
export function decideLoginAttempt(state: ThrottleState, now: Date): ThrottleDecision {
  const account = rolled(state.account, LOGIN_LIMITS.accountWindowMs, now);
  const pair = rolled(state.pair, LOGIN_LIMITS.windowMs, now);
  const address = rolled(state.address, LOGIN_LIMITS.windowMs, now);
  const unchanged = { account, pair, address };
  const familiar = pair.succeededAt !== null && now.getTime() - pair.succeededAt.getTime() < LOGIN_LIMITS.familiarForMs;
  const windowEnd = (bucket: ThrottleBucket) => new Date(bucket.windowStartedAt.getTime() + LOGIN_LIMITS.windowMs);

  if (pair.failures >= LOGIN_LIMITS.perPair) {
    return { admitted: false, reason: "pair", retryAfterSeconds: secondsUntil(windowEnd(pair), now), next: unchanged };
  }
  if (!familiar && address.failures >= LOGIN_LIMITS.perAddress) {
    return { admitted: false, reason: "address", retryAfterSeconds: secondsUntil(windowEnd(address), now), next: unchanged };
  }
  if (!familiar && account.nextAttemptAt && account.nextAttemptAt > now) {
    return { admitted: false, reason: "account", retryAfterSeconds: secondsUntil(account.nextAttemptAt, now), next: unchanged };
  }
  const accountFailures = familiar ? account.failures : account.failures + 1;
  return {
    admitted: true,
    familiar,
    next: {
      pair: { ...pair, failures: pair.failures + 1 },
      address: { ...address, failures: address.failures + 1 },
      // The owner's familiar address neither waits for nor adds to the account's delay.
      account: familiar
        ? account
        : {
            ...account,
            failures: accountFailures,
            nextAttemptAt: new Date(now.getTime() + accountDelayMs(accountFailures)),
          },
    },
  };
}

/** How a refusal is worded: seconds under a minute, else whole minutes (rounded up). */
export function retryAfterMessage(seconds: number): {
  key: "auth:errors.throttledSeconds" | "auth:errors.throttledMinutes";
  count: number;
} {
  return seconds < 60 ? { key: "auth:errors.throttledSeconds", count: seconds } : { key: "auth:errors.throttledMinutes", count: Math.ceil(seconds / 60) };
}

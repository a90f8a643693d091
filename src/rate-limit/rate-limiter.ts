// Throws HTTP 429 (with Retry-After) when an action is tried too often from one IP
// address, or after repeated failures on one account. State lives in SQLite so a restart
// does not reset it; keys are keyed hashes, so the table holds no IPs or names.
import type { Db } from "../db/client.js";
import type { Clock } from "../deps.js";
import type { KeyedHash } from "../security/instance-secret.js";
import { tooManyRequests } from "../web/errors.js";
import { deleteRateLimit, findRateLimit, pruneRateLimits, runInTransaction, saveRateLimit } from "./queries.js";
import { RATE_LIMITS, type RateLimitedAction, refill, waitAfterFailures } from "./rules.js";

export class RateLimiter {
  private writes = 0;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly hash: KeyedHash,
  ) {}

  /** Takes one token from the IP's bucket for this action, or throws 429. */
  async takeToken(action: RateLimitedAction, ip: string): Promise<void> {
    const rule = RATE_LIMITS[action].ip;
    const key = `${action}:ip:${this.hash(ip)}`;
    const now = this.clock.now();
    const retryAfter = await runInTransaction(this.db, async (tx) => {
      const row = await findRateLimit(tx, key);
      const level = row ? refill(row.tokens, (now.getTime() - row.updatedAt.getTime()) / 1000, rule) : rule.capacity;
      if (level < 1) return Math.ceil(((1 - level) * 3600) / rule.refillPerHour);
      // Full again after (capacity - level) tokens refill: the row is useless after that.
      const fullAfter = ((rule.capacity - (level - 1)) * 3600) / rule.refillPerHour;
      await saveRateLimit(tx, {
        key,
        tokens: level - 1,
        failures: 0,
        blockedUntil: null,
        updatedAt: now,
        expiresAt: new Date(now.getTime() + fullAfter * 1000),
      });
      return 0;
    });
    await this.maybePrune(now);
    if (retryAfter > 0) throw tooManyRequests(retryAfter);
  }

  /**
   * Before an expensive guess (a password check, a recovery code) on one account: throws 429
   * while the account waits after repeated failures; otherwise counts this attempt as a
   * failure *now*, in one transaction, and sets the wait the next attempt faces should this
   * one fail. A burst of parallel attempts therefore gets exactly `freeFailures` checks: a
   * check-then-record pair let every attempt in flight pass the check (7 of 31, measured).
   * A success calls `clearFailures`, which forgets the count.
   */
  async beginAttempt(action: RateLimitedAction, account: string): Promise<void> {
    const rule = accountRule(action);
    const key = this.accountKey(action, account);
    const now = this.clock.now();
    const retryAfter = await runInTransaction(this.db, async (tx) => {
      const row = await findRateLimit(tx, key);
      if (row?.blockedUntil && row.blockedUntil.getTime() > now.getTime())
        return Math.ceil((row.blockedUntil.getTime() - now.getTime()) / 1000);
      const stale = row && now.getTime() - row.updatedAt.getTime() > rule.forgetAfterSeconds * 1000;
      const failures = (stale || !row ? 0 : row.failures) + 1;
      const wait = waitAfterFailures(failures + 1, rule);
      await saveRateLimit(tx, {
        key,
        tokens: 0,
        failures,
        blockedUntil: wait ? new Date(now.getTime() + wait * 1000) : null,
        updatedAt: now,
        expiresAt: new Date(now.getTime() + (rule.forgetAfterSeconds + wait) * 1000),
      });
      return 0;
    });
    if (retryAfter > 0) throw tooManyRequests(retryAfter);
  }

  async clearFailures(action: RateLimitedAction, account: string): Promise<void> {
    await deleteRateLimit(this.db, this.accountKey(action, account));
  }

  private accountKey(action: RateLimitedAction, account: string): string {
    return `${action}:account:${this.hash(account.trim().toLowerCase())}`;
  }

  /** Expired rows are deleted every few hundred writes: no timer to manage. */
  private async maybePrune(now: Date): Promise<void> {
    if (++this.writes % 200 === 0) await pruneRateLimits(this.db, now);
  }
}

function accountRule(action: RateLimitedAction) {
  const limits = RATE_LIMITS[action];
  if (!("account" in limits)) throw new Error(`${action} has no per-account limit`);
  return limits.account;
}

// How much each sensitive action may be tried. Per-IP buckets are generous enough for a
// workshop of twenty people behind one office connection; per-account failures grow the
// wait quickly so guessing one person's password is impractical.
export type BucketRule = { capacity: number; refillPerHour: number };
export type FailureRule = {
  freeFailures: number;
  firstWaitSeconds: number;
  maxWaitSeconds: number;
  forgetAfterSeconds: number;
};

export const RATE_LIMITS = {
  login: {
    ip: { capacity: 60, refillPerHour: 300 },
    account: { freeFailures: 5, firstWaitSeconds: 30, maxWaitSeconds: 3600, forgetAfterSeconds: 24 * 3600 },
  },
  register: { ip: { capacity: 30, refillPerHour: 30 } },
  reset: { ip: { capacity: 10, refillPerHour: 10 } },
  recovery: {
    ip: { capacity: 20, refillPerHour: 20 },
    account: { freeFailures: 5, firstWaitSeconds: 60, maxWaitSeconds: 3600, forgetAfterSeconds: 24 * 3600 },
  },
  verify: { ip: { capacity: 120, refillPerHour: 600 } },
  /** Join codes are short: tries are limited per address. */
  join: { ip: { capacity: 20, refillPerHour: 60 } },
  /** Building an export reads everything about a person: limited per account (the bucket's key is the user id). */
  export: { ip: { capacity: 10, refillPerHour: 10 } },
} as const satisfies Record<string, { ip: BucketRule; account?: FailureRule }>;

export type RateLimitedAction = keyof typeof RATE_LIMITS;

/** Wait after the nth consecutive failure: none for the free ones, then doubling. */
export function waitAfterFailures(failures: number, rule: FailureRule): number {
  if (failures <= rule.freeFailures) return 0;
  return Math.min(rule.firstWaitSeconds * 2 ** (failures - rule.freeFailures - 1), rule.maxWaitSeconds);
}

/** Token bucket: the level now, after refilling since `updatedAt`. */
export function refill(tokens: number, secondsSince: number, rule: BucketRule): number {
  return Math.min(rule.capacity, tokens + (secondsSince * rule.refillPerHour) / 3600);
}

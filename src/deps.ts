// Everything the app needs, passed in one object. Tests build it with a fresh database
// and may replace the clock; everything else is real (mail goes to the file outbox).
import { Issuer } from "./certificates/issuer.js";
import type { CatalogStore } from "./courses/catalog-store.js";
import { type Db, type OpenDbOptions, openDb } from "./db/client.js";
import type { Env } from "./env.js";
import { createMailer, type Mailer } from "./mail/mailer.js";
import { RateLimiter } from "./rate-limit/rate-limiter.js";
import { type KeyedHash, keyedHasher, loadOrCreateSecret } from "./security/instance-secret.js";
import { createLogger, type Logger } from "./web/log.js";

export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };

export type AppDeps = {
  env: Env;
  db: Db;
  catalog: CatalogStore;
  clock: Clock;
  log: Logger;
  mailer: Mailer;
  rateLimiter: RateLimiter;
  keyedHash: KeyedHash;
  issuer: Issuer;
};

export async function createDeps(
  env: Env,
  catalog: CatalogStore,
  overrides: { clock?: Clock; log?: Logger; db?: OpenDbOptions } = {},
): Promise<AppDeps> {
  const clock = overrides.clock ?? systemClock;
  const log = overrides.log ?? createLogger(env.logLevel);
  const db = await openDb(env.databaseUrl, {
    ...overrides.db,
    onFileFault: (fault, copy) =>
      fault
        ? log.error("database file lost; refusing queries until it is back", {
            reason: fault.message,
            ...(copy && { recover: `before stopping Sendero, copy ${copy} back to the database path` }),
          })
        : log.info("database file is back; queries allowed again"),
  });
  const keyedHash = keyedHasher(loadOrCreateSecret(env.dataDir));
  return {
    env,
    db,
    catalog,
    clock,
    log,
    mailer: createMailer(env, log),
    rateLimiter: new RateLimiter(db, clock, keyedHash),
    keyedHash,
    issuer: await Issuer.load(env),
  };
}

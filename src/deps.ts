// Everything the app needs, passed in one object. Tests build it with a fresh database
// and may replace the clock; nothing else is faked.
import type { CatalogStore } from "./courses/catalog-store.js";
import type { Db } from "./db/client.js";
import type { Env } from "./env.js";
import type { Logger } from "./web/log.js";

export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };

export type AppDeps = {
  env: Env;
  db: Db;
  catalog: CatalogStore;
  clock: Clock;
  log: Logger;
};

// A complete app for a test file: fresh database copied from the migrated template,
// a real catalog, real Prisma. Only the clock and the logger (to read what it writes) can be swapped.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createApp } from "../../src/app.js";
import { CatalogStore } from "../../src/courses/catalog-store.js";
import type { Db, OpenDbOptions } from "../../src/db/client.js";
import { type AppDeps, type Clock, createDeps } from "../../src/deps.js";
import { type Env, parseEnv } from "../../src/env.js";
import { createLogger, type Logger } from "../../src/web/log.js";

export const FIXTURE_COURSES = path.resolve("tests/fixtures/courses/valid");
export const SEQUENTIAL_COURSES = path.resolve("tests/fixtures/courses/sequential");
export const REAL_COURSES = path.resolve("courses");

export type TestContext = {
  app: ReturnType<typeof createApp>;
  db: Db;
  deps: AppDeps;
  env: Env;
  dir: string;
  close(): Promise<void>;
};

const catalogs = new Map<string, CatalogStore>();

export async function createTestContext(
  options: {
    courses?: string;
    catalog?: CatalogStore;
    clock?: Clock;
    env?: Record<string, string>;
    log?: Logger;
    db?: OpenDbOptions;
  } = {},
): Promise<TestContext> {
  const coursesDir = options.courses ?? FIXTURE_COURSES;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sendero-test-"));
  const template = process.env.SENDERO_TEMPLATE_DB;
  if (!template) throw new Error("tests/global-setup.ts did not run");
  fs.copyFileSync(template, path.join(dir, "sendero.db"));
  const env = parseEnv({
    NODE_ENV: "test",
    DATA_DIR: dir,
    COURSES_DIR: coursesDir,
    LOG_LEVEL: "silent",
    BASE_URL: "http://localhost:3000",
    ...options.env,
  });
  let catalog = options.catalog ?? catalogs.get(coursesDir);
  if (!catalog) {
    catalog = CatalogStore.load(coursesDir);
    catalogs.set(coursesDir, catalog);
  }
  const deps = await createDeps(env, catalog, {
    clock: options.clock,
    log: options.log ?? createLogger("silent"),
    db: options.db,
  });
  return {
    app: createApp(deps),
    db: deps.db,
    deps,
    env,
    dir,
    async close() {
      await deps.db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Starts Sendero: validate the environment, migrate the database, load the courses,
// listen. Broken configuration or content stops start-up with a clear list.
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createApp } from "./app.js";
import { CatalogStore } from "./courses/catalog-store.js";
import { ContentError, formatFirstProblems } from "./courses/problems.js";
import { DatabaseStartupError, prepareDatabase } from "./db/startup-checks.js";
import { createDeps } from "./deps.js";
import { EnvError, parseEnv } from "./env.js";
import { scheduleRetention } from "./privacy/retention-schedule.js";
import { createLogger } from "./web/log.js";
import { installSafetyNet } from "./web/safety-net.js";

const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../prisma/migrations");

async function main(): Promise<void> {
  const env = parseEnv();
  const log = createLogger(env.logLevel);
  const { applied } = prepareDatabase(env, MIGRATIONS_DIR, new Date());
  if (applied.length) log.info("database migrated", { migrations: applied });
  // While editing, broken content must not stop the server: the pages list the problems.
  const catalog = env.watchCourses ? CatalogStore.loadForEditing(env.coursesDir) : CatalogStore.load(env.coursesDir);
  if (catalog.problems.length > 0)
    log.warn("the courses have problems; the pages list them", { problems: catalog.problems.length });
  const deps = await createDeps(env, catalog, { log });
  const app = createApp(deps);
  const stopRetention = scheduleRetention(deps);

  const stopWatching = env.watchCourses
    ? catalog.watch((ok, problems) =>
        ok
          ? log.info("courses reloaded")
          : log.warn("course edit has problems; keeping the last good version", {
              problems: formatFirstProblems(problems).lines,
            }),
      )
    : () => {};

  const server = app.listen(env.port, env.host, () => {
    const { port } = server.address() as AddressInfo;
    log.info("listening", {
      url: env.baseUrl,
      port,
      courses: catalog.current.courses.length,
      mail: deps.mailer.describe,
    });
    if (env.nodeEnv !== "test") console.log(`\n  Sendero is running: ${env.baseUrl}\n`);
  });

  const shutdown = (reason: string, exitCode = 0) => {
    log.info("shutting down", { reason });
    stopWatching();
    stopRetention();
    server.close(() => void deps.db.$disconnect().then(() => process.exit(exitCode)));
    setTimeout(() => process.exit(exitCode), 5000).unref();
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  // One request never stops the server; a process that keeps failing outside requests
  // exits with 1 for its supervisor to restart (docs/deploy.md).
  installSafetyNet(process, log, { onFatal: () => shutdown("repeated errors outside requests", 1) });
}

main().catch((error: unknown) => {
  if (error instanceof EnvError) console.error(error.message);
  else if (error instanceof DatabaseStartupError) console.error(error.message);
  else if (error instanceof ContentError)
    console.error(`Sendero cannot start: the courses have problems.\n\n${error.message}`);
  else console.error("Sendero could not start:", error);
  process.exit(1);
});

// The real app in its own process for load tests (so the load generator does not share
// its event loop). Reports its port to the parent over IPC.
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { createApp } from "../src/app.js";
import { CatalogStore } from "../src/courses/catalog-store.js";
import { applyMigrations } from "../src/db/migrate.js";
import { createDeps } from "../src/deps.js";
import { parseEnv } from "../src/env.js";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sendero-bench-app-"));
const env = parseEnv({
  NODE_ENV: "production",
  DATA_DIR: dataDir,
  LOG_LEVEL: "silent",
  COURSES_DIR: process.env.COURSES_DIR ?? "courses",
  PORT: "0",
  BASE_URL: "http://localhost:3000",
});
applyMigrations(env.databaseUrl, path.resolve("prisma/migrations"));
const deps = await createDeps(env, CatalogStore.load(env.coursesDir));
const app = createApp(deps);
const server = app.listen(0, "127.0.0.1", () =>
  process.send?.({ port: (server.address() as AddressInfo).port, dataDir, databaseUrl: env.databaseUrl }),
);
process.on("disconnect", () => {
  server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
});

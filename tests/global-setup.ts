// Migrates one template SQLite database per test run; each test file copies it
// (tests/helpers/context.ts), so every file starts from a fresh, migrated database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { applyMigrations } from "../src/db/migrate.js";

export default function setup(): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sendero-template-"));
  const file = path.join(dir, "template.db");
  applyMigrations(`file:${file}`, path.resolve("prisma/migrations"));
  process.env.SENDERO_TEMPLATE_DB = file;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

// npm run db:migration -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that takes a
// database at the latest migration to prisma/schema.prisma. `prisma migrate dev` does
// not work offline here (STACK.md), so we diff against a scratch database instead.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { applyMigrations } from "../src/db/migrate.js";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name>   (lowercase letters, digits, underscores)");
  process.exit(2);
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "sendero-migration-"));
const url = `file:${path.join(scratch, "scratch.db")}`;
const migrationsDir = path.resolve("prisma/migrations");
fs.mkdirSync(migrationsDir, { recursive: true });
const { applied } = applyMigrations(url, migrationsDir);

const prisma = (args: string[]) =>
  execFileSync("npx", ["prisma", ...args], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });

// The schema the existing migrations produce; nothing at all before the first migration.
function fromArgs(): string[] {
  if (applied.length === 0) return ["--from-empty"];
  // `db pull --print` prints warnings before the schema: keep from the first block.
  const pulled = prisma(["db", "pull", "--print"]);
  const start = pulled.search(/^(generator|datasource) /m);
  const current = path.join(scratch, "current.prisma");
  fs.writeFileSync(current, pulled.slice(Math.max(start, 0)));
  return ["--from-schema-datamodel", current];
}

const sql = prisma(["migrate", "diff", ...fromArgs(), "--to-schema-datamodel", "prisma/schema.prisma", "--script"]);
if (!/\b(CREATE|ALTER|DROP|INSERT)\b/.test(sql)) {
  console.log("The schema matches the migrations: nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
fs.mkdirSync(dir);
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);

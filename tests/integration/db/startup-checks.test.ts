// Start-up's database checks, in-process: the server (server-faults.test.ts) prints
// these messages and exits 1.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DatabaseStartupError, prepareDatabase } from "../../../src/db/startup-checks.js";
import { parseEnv } from "../../../src/env.js";
import { freshTempDir } from "../../helpers/fault-fs.js";

const MIGRATIONS = path.resolve("prisma/migrations");
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function dataDir(files: Record<string, string> = {}) {
  const dir = freshTempDir("sendero-startup-");
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return { dir, env: parseEnv({ DATA_DIR: dir }), file: path.join(dir, "sendero.db") };
}

const prepare = (env: ReturnType<typeof parseEnv>) => prepareDatabase(env, MIGRATIONS, new Date());

describe("preparing the database at start-up", () => {
  it("creates and migrates the database of a new instance (no keys yet)", () => {
    const { env, file } = dataDir();
    expect(prepare(env).applied.length).toBeGreaterThan(0);
    expect(fs.statSync(file).size).toBeGreaterThan(0);
    expect(prepare(env).applied).toEqual([]);
  });

  it.each([
    ["missing", null, "does not exist"],
    ["empty", "", "is empty"],
  ])("refuses a %s database beside this instance's keys, and creates nothing", (_, content, says) => {
    const { dir, env, file } = dataDir({ "issuer-key.json": "{}" });
    if (content !== null) fs.writeFileSync(file, content);
    const error = (() => {
      try {
        prepare(env);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DatabaseStartupError);
    const message = (error as Error).message;
    expect(message).toContain("Sendero cannot start: its database is missing.");
    expect(message).toContain(`${file} ${says}`);
    expect(message).toContain(`${dir} holds this instance's keys (issuer-key.json)`);
    expect(message).toContain("Restore the database from your backup");
    expect(fs.existsSync(file) ? fs.statSync(file).size : null).toBe(content === null ? null : 0);
  });

  it("refuses a file that is not a database, naming it", () => {
    const { env, file } = dataDir({ "instance-secret": "x" });
    fs.writeFileSync(file, "this is not SQLite, but a stray text file of some length".repeat(20));
    expect(() => prepare(env)).toThrow(`Sendero cannot start: it cannot write its database ${file}`);
    expect(() => prepare(env)).toThrow("it is damaged or is not an SQLite database");
  });
});

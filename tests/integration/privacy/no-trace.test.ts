// Erased means unreadable: after a learner who used every feature is exported and erased,
// none of their values is left in the bytes of the database file or its write-ahead log.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findUserById } from "../../../src/auth/queries.js";
import { eraseUser } from "../../../src/privacy/erase.js";
import { ORIGIN, PASSWORD } from "../../helpers/accounts.js";
import { createTestContext, type TestContext } from "../../helpers/context.js";
import { createEveryFeatureLearner, downloadExport, type EveryFeatureLearner } from "../../helpers/privacy.js";

let ctx: TestContext;
let learner: EveryFeatureLearner;
beforeAll(async () => {
  ctx = await createTestContext();
  learner = await createEveryFeatureLearner(ctx, "nt7");
}, 120_000);
afterAll(() => ctx.close());

/** The database and its log as they are on disk (SQLite stores text as UTF-8). */
function databaseBytes(): { file: string; bytes: Buffer }[] {
  const db = path.join(ctx.dir, "sendero.db");
  return [db, `${db}-wal`]
    .filter((file) => fs.existsSync(file))
    .map((file) => ({ file: path.basename(file), bytes: fs.readFileSync(file) }));
}

function filesContaining(value: string): string[] {
  const needle = Buffer.from(value, "utf8");
  return databaseBytes()
    .filter(({ bytes }) => bytes.includes(needle))
    .map(({ file }) => file);
}

describe("after erasure", () => {
  it("no value of the learner survives in the database file or its WAL", async () => {
    const values = Object.entries(learner.values);
    expect(values.map(([name]) => name).sort()).toEqual(
      ["certificateName", "displayName", "email", "exerciseText", "pendingName", "shortAnswer", "username"].sort(),
    );
    // The search works: every value is on disk before.
    for (const [name, value] of values) expect(filesContaining(value), name).not.toEqual([]);

    await downloadExport(learner.agent).expect(200);
    const started = performance.now();
    await learner.agent
      .post("/account/delete")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ currentPassword: PASSWORD })
      .expect(303);
    const ms = performance.now() - started;

    expect(fs.statSync(path.join(ctx.dir, "sendero.db-wal")).size).toBe(0);
    const left = Object.fromEntries(values.map(([name, value]) => [name, filesContaining(value)]));
    expect(left).toEqual(Object.fromEntries(values.map(([name]) => [name, []])));
    console.log(`erase request (password check + transaction + checkpoint): ${ms.toFixed(0)} ms`);
  });

  it("takes one short transaction for a learner who used every feature", async () => {
    const second = await createEveryFeatureLearner(ctx, "nt8");
    const erasure = await eraseUser(ctx.deps, (await findUserById(ctx.db, second.user.id))!);
    expect(erasure).toMatchObject({ certificatesRevoked: 1, cohortsLeft: 1 });
    // Generous for a shared 2-core machine; the figure is reported.
    expect(erasure.ms).toBeLessThan(5000);
    console.log(`erase transaction: ${erasure.ms.toFixed(1)} ms`);
  });
});

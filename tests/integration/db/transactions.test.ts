// A plain query never runs inside another request's open transaction: it waits, so it
// neither sees uncommitted rows nor is rolled back with them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../helpers/context.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("SQLite access through Prisma", () => {
  it("isolates a concurrent plain write from a transaction that rolls back", async () => {
    const { db } = ctx;
    let sawUncommitted: number | undefined;
    const failing = db
      .$transaction(async (tx) => {
        await tx.courseVersion.create({ data: { courseId: "c", version: "in-transaction" } });
        await sleep(50);
        throw new Error("roll back");
      })
      .catch((e: Error) => e.message);
    await sleep(10);
    // Started while the transaction is open: waits for it instead of joining it.
    const plain = (async () => {
      sawUncommitted = await db.courseVersion.count({ where: { version: "in-transaction" } });
      await db.courseVersion.create({ data: { courseId: "c", version: "plain" } });
    })();
    expect(await failing).toBe("roll back");
    await plain;
    expect(sawUncommitted).toBe(0);
    expect((await db.courseVersion.findMany({ where: { courseId: "c" } })).map((r) => r.version)).toEqual(["plain"]);
  });
});

// A plain query never runs inside another request's open transaction: it waits, so it
// neither sees uncommitted rows nor is rolled back with them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queuedQueries } from "../../../src/db/direct.js";
import { createTestContext, type TestContext } from "../../helpers/context.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe("SQLite access through Prisma", () => {
  it("isolates a concurrent plain write from a transaction that rolls back", async () => {
    const { db } = ctx;
    let inside = () => {};
    const entered = new Promise<void>((resolve) => {
      inside = resolve;
    });
    const failing = db
      .$transaction(async (tx) => {
        await tx.healthProbe.create({ data: { id: 1, checkedAt: new Date(0) } });
        inside();
        // Hold the transaction open until the plain query below is waiting for the connection.
        await expect.poll(() => queuedQueries(db), { timeout: 30_000 }).toBeGreaterThan(0);
        throw new Error("roll back");
      })
      .catch((e: Error) => e.message);
    await entered;
    // Started while the transaction is open: waits for it instead of joining it.
    const plain = (async () => {
      const seen = await db.healthProbe.count({ where: { id: 1 } });
      await db.healthProbe.create({ data: { id: 2, checkedAt: new Date(0) } });
      return seen;
    })();
    expect(await failing).toBe("roll back");
    expect(await plain).toBe(0);
    expect((await db.healthProbe.findMany({ where: { id: { in: [1, 2] } } })).map((r) => r.id)).toEqual([2]);
  });
});

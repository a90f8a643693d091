// The connection lock: first come, first served, and no wait without bound.
import { describe, expect, it } from "vitest";
import { DatabaseUnavailableError } from "../../../src/db/faults.js";
import { Lock } from "../../../src/db/lock.js";

describe("the connection lock", () => {
  it("hands the lock to waiters in the order they asked", async () => {
    const lock = new Lock(10_000);
    const order: number[] = [];
    const release = await lock.acquire();
    const waiting = [1, 2, 3].map((n) => lock.run(() => void order.push(n)));
    expect(lock.queued).toBe(3);
    release();
    await Promise.all(waiting);
    expect(order).toEqual([1, 2, 3]);
  });

  it("gives up a wait after the bound with a 'busy' fault, and the lock still works afterwards", async () => {
    const lock = new Lock(100);
    const release = await lock.acquire();
    const started = performance.now();
    const error = await lock.acquire().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect((error as DatabaseUnavailableError).reason).toBe("busy");
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
    // The waiter that gave up left the queue: the next one gets the lock on release.
    expect(lock.queued).toBe(0);
    const next = lock.acquire();
    release();
    (await next)();
    expect(await lock.run(() => "free")).toBe("free");
  });

  it("releases once even when released twice, so two holders never share it", async () => {
    const lock = new Lock(10_000);
    const release = await lock.acquire();
    let second: (() => void) | undefined;
    const secondGot = lock.acquire().then((r) => (second = r));
    let thirdGot = false;
    const third = lock.acquire().then((r) => {
      thirdGot = true;
      return r;
    });
    release();
    release();
    await secondGot;
    await new Promise((resolve) => setImmediate(resolve));
    expect(thirdGot).toBe(false);
    second?.();
    (await third)();
  });

  it("releases the lock when the work throws", async () => {
    const lock = new Lock(200);
    await expect(
      lock.run(() => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await lock.run(() => "free")).toBe("free");
  });
});

// A burst of parallel guesses on one account gets exactly the configured number of password
// checks: the limit is taken atomically before the expensive check, not after it.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { RATE_LIMITS } from "../../../src/rate-limit/rules.js";
import { createUser, ORIGIN } from "../../helpers/accounts.js";
import { createTestContext, type TestContext } from "../../helpers/context.js";

// Counts every password check sign-in makes, real or against nothing (unknown names).
const checks = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../../src/auth/passwords.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../../src/auth/passwords.js")>();
  return {
    ...real,
    verifyPassword: (hash: string, password: string) => {
      checks.count++;
      return real.verifyPassword(hash, password);
    },
    verifyAgainstNothing: (password: string) => {
      checks.count++;
      return real.verifyAgainstNothing(password);
    },
  };
});

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ env: { TRUST_PROXY: "true" } });
});
afterAll(() => ctx.close());

const FREE = RATE_LIMITS.login.account.freeFailures;

async function burst(identifier: string, from: string, size = 31): Promise<number[]> {
  const attempts = Array.from({ length: size }, () =>
    request(ctx.app)
      .post("/login")
      .set("Origin", ORIGIN)
      .set("X-Forwarded-For", from)
      .type("form")
      .send({ identifier, password: "a wrong password" }),
  );
  return (await Promise.all(attempts)).map((r) => r.status).sort();
}

describe("a parallel burst of 31 wrong sign-ins on one account", () => {
  it(`gets exactly ${FREE} password checks; the rest wait with 429`, async () => {
    const user = await createUser(ctx);
    checks.count = 0;
    const statuses = await burst(user.username, "203.0.113.10");
    expect(checks.count).toBe(FREE);
    expect(statuses.filter((s) => s === 422)).toHaveLength(FREE);
    expect(statuses.filter((s) => s === 429)).toHaveLength(31 - FREE);
  });

  it(`gets exactly ${FREE} checks for a name that matches no account too`, async () => {
    checks.count = 0;
    const statuses = await burst("nobody-by-this-name", "203.0.113.11");
    expect(checks.count).toBe(FREE);
    expect(statuses.filter((s) => s === 422)).toHaveLength(FREE);
  });
});

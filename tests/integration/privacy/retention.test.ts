// Retention: accounts unused for RETENTION_MONTHS get one neutral warning (if they have an
// address) and are erased 30 days later, unless the person comes back. On a test clock.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runRetention } from "../../../src/privacy/retention.js";
import { scheduleRetention } from "../../../src/privacy/retention-schedule.js";
import { createUser, DAY, mailText, readOutbox, signedInAgent, TestClock } from "../../helpers/accounts.js";
import { createTestContext, type TestContext } from "../../helpers/context.js";
import { completeBasics } from "../../helpers/learning.js";

const exists = async (ctx: TestContext, id: string) => (await ctx.db.user.count({ where: { id } })) === 1;
const warnedAt = async (ctx: TestContext, id: string) =>
  (await ctx.db.user.findUniqueOrThrow({ where: { id } })).retentionWarnAt;

describe("with the default of 24 months", () => {
  const clock = new TestClock(new Date("2026-01-10T09:00:00Z"));
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ clock });
  });
  afterAll(() => ctx.close());

  it("warns once, erases 30 days later, and spares whoever comes back or still studies", async () => {
    const dormant = await createUser(ctx, { email: "dormant@mail.example", displayName: "Dormant Dalia" });
    const studying = await signedInAgent(ctx, dormant);
    await completeBasics(studying); // what they studied must not appear in the warning
    const unreachable = await createUser(ctx); // no address: cannot be warned
    await signedInAgent(ctx, unreachable);
    const returning = await createUser(ctx, { email: "returning@mail.example" });
    await signedInAgent(ctx, returning);
    const admin = await createUser(ctx, { role: "admin", email: "admin@mail.example" });
    await signedInAgent(ctx, admin);

    clock.advance(700 * DAY); // about 23 months: nobody is due yet
    const active = await createUser(ctx, { email: "active@mail.example" });
    await signedInAgent(ctx, active);
    expect(await runRetention(ctx.deps)).toEqual({ warned: 0, erased: 0, kept: 0 });

    clock.advance(32 * DAY); // over 24 months for the first four, not for `active`
    expect(await runRetention(ctx.deps)).toEqual({ warned: 4, erased: 0, kept: 0 });
    const mails = readOutbox(ctx).map(mailText);
    expect(mails).toHaveLength(3);
    const warning = mails.find((m) => m.includes("dormant@mail.example"))!;
    expect(warning).toContain("Subject: Your account on Sendero");
    expect(warning).toContain("has not been used for 24 months");
    expect(warning).toContain("http://localhost:3000/login");
    for (const secret of ["Dormant Dalia", "Fixture course", "Basics", dormant.username])
      expect(warning).not.toContain(secret);
    expect(await warnedAt(ctx, active.id)).toBeNull();

    // Running again warns nobody twice.
    expect(await runRetention(ctx.deps)).toEqual({ warned: 0, erased: 0, kept: 0 });
    expect(readOutbox(ctx)).toHaveLength(3);

    clock.advance(10 * DAY);
    await signedInAgent(ctx, returning);
    clock.advance(19 * DAY); // 29 days after the warning
    expect(await runRetention(ctx.deps)).toEqual({ warned: 0, erased: 0, kept: 1 });
    expect(await exists(ctx, dormant.id)).toBe(true);

    clock.advance(1 * DAY);
    const run = await runRetention(ctx.deps);
    expect(run).toEqual({ warned: 0, erased: 2, kept: 0 });
    expect(await exists(ctx, dormant.id)).toBe(false);
    expect(await exists(ctx, unreachable.id)).toBe(false);
    expect(await exists(ctx, returning.id)).toBe(true);
    expect(await warnedAt(ctx, returning.id)).toBeNull();
    expect(await exists(ctx, active.id)).toBe(true);
    // The only platform admin is kept (and stays warned, so the next run checks again).
    expect(await exists(ctx, admin.id)).toBe(true);
    expect(readOutbox(ctx)).toHaveLength(3);
  });
});

describe("accounts with no recorded activity (older than this feature)", () => {
  const clock = new TestClock(new Date("2026-01-10T09:00:00Z"));
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ clock });
  });
  afterAll(() => ctx.close());

  it("count from the first run, never from a guess", async () => {
    const user = await createUser(ctx, { email: "old@mail.example" }); // never signed in
    await ctx.db.user.update({ where: { id: user.id }, data: { createdAt: new Date("2020-01-01T00:00:00Z") } });
    expect(await runRetention(ctx.deps)).toEqual({ warned: 0, erased: 0, kept: 0 });
    clock.advance(700 * DAY);
    expect(await runRetention(ctx.deps)).toEqual({ warned: 0, erased: 0, kept: 0 });
    clock.advance(40 * DAY);
    expect(await runRetention(ctx.deps)).toEqual({ warned: 1, erased: 0, kept: 0 });
  });
});

describe("the schedule", () => {
  const clock = new TestClock(new Date("2026-01-10T09:00:00Z"));
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ clock });
  });
  afterAll(() => ctx.close());

  it("runs once at start-up without waiting for the first day", async () => {
    const user = await createUser(ctx, { email: "startup@mail.example" });
    await signedInAgent(ctx, user);
    clock.advance(800 * DAY);
    const stop = scheduleRetention(ctx.deps);
    try {
      await expect.poll(() => warnedAt(ctx, user.id), { timeout: 15_000, interval: 50 }).not.toBeNull();
    } finally {
      stop();
    }
  });
});

describe("with RETENTION_MONTHS=0", () => {
  const clock = new TestClock(new Date("2026-01-10T09:00:00Z"));
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ clock, env: { RETENTION_MONTHS: "0" } });
  });
  afterAll(() => ctx.close());

  it("keeps every account forever and sends nothing", async () => {
    const user = await createUser(ctx, { email: "forever@mail.example" });
    await signedInAgent(ctx, user);
    clock.advance(3650 * DAY);
    expect(await runRetention(ctx.deps)).toEqual({ warned: 0, erased: 0, kept: 0 });
    expect(await warnedAt(ctx, user.id)).toBeNull();
    expect(readOutbox(ctx)).toEqual([]);
  });
});

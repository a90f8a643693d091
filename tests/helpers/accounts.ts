// Small factories for accounts: create people directly, sign them in through the real
// HTTP routes, and read the mail outbox.
import fs from "node:fs";
import path from "node:path";
import request from "supertest";
import { hashPassword } from "../../src/auth/passwords.js";
import { insertUser, type PlatformRole } from "../../src/auth/queries.js";
import type { Clock } from "../../src/deps.js";
import { outboxDir } from "../../src/mail/mailer.js";
import { generateSecureRandomString } from "../../src/security/random.js";
import type { TestContext } from "./context.js";

export const ORIGIN = "http://localhost:3000";
export const PASSWORD = "correct horse battery staple";

let counter = 0;

export type TestUser = { id: string; username: string; password: string; email: string | null };

export async function createUser(
  ctx: TestContext,
  options: {
    username?: string;
    email?: string | null;
    role?: PlatformRole;
    password?: string;
    displayName?: string;
  } = {},
): Promise<TestUser> {
  const username = options.username ?? `user${++counter}${generateSecureRandomString(4)}`;
  const password = options.password ?? PASSWORD;
  const id = generateSecureRandomString(16);
  const email = options.email === undefined ? null : options.email;
  await insertUser(ctx.db, {
    id,
    username,
    displayName: options.displayName ?? `Person ${username}`,
    email,
    passwordHash: await hashPassword(password),
    locale: null,
    platformRole: options.role ?? "learner",
  });
  return { id, username, password, email };
}

/** A cookie-keeping client signed in through POST /login. */
export async function signedInAgent(
  ctx: TestContext,
  user: TestUser,
  userAgent = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0",
) {
  const agent = request.agent(ctx.app);
  const res = await agent
    .post("/login")
    .set("Origin", ORIGIN)
    .set("User-Agent", userAgent)
    .type("form")
    .send({ identifier: user.username, password: user.password });
  if (res.status !== 303) throw new Error(`sign-in failed with ${res.status}`);
  return agent;
}

export function sessionCookie(res: request.Response): string | undefined {
  const cookies = ([] as string[]).concat(res.headers["set-cookie"] ?? []);
  return cookies.find((c) => /^(__Host-)?session=/.test(c));
}

export function readOutbox(ctx: TestContext): string[] {
  const dir = outboxDir(ctx.env.dataDir);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), "utf8"));
}

/** The mail body decoded from quoted-printable, which nodemailer uses for long lines. */
export function mailText(eml: string): string {
  return eml
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export class TestClock implements Clock {
  constructor(private current = new Date("2026-11-21T10:00:00Z")) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;

/**
 * Every row of every table: "nothing changed" means two snapshots are equal. Rate-limit
 * bookkeeping is left out: counting attempts, even refused ones, is its job.
 */
export async function databaseSnapshot(ctx: TestContext, { includeRateLimits = false } = {}): Promise<string> {
  const tables = await ctx.db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '_prisma%' AND name NOT LIKE 'sqlite%'${includeRateLimits ? "" : " AND name <> 'RateLimit'"} ORDER BY name`,
  );
  const snapshot: Record<string, unknown[]> = {};
  for (const { name } of tables)
    snapshot[name] = await ctx.db.$queryRawUnsafe<unknown[]>(`SELECT * FROM "${name}" ORDER BY 1`);
  return JSON.stringify(snapshot, (_k, v: unknown) => (typeof v === "bigint" ? Number(v) : v));
}

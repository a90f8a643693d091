// The only module that reads process.env. Everything else receives a typed Env.
// Invalid configuration stops start-up with a message naming each bad variable.
import path from "node:path";
import * as z from "zod";

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"], { error: "use true or false" })
  .transform((value) => ["true", "1", "yes"].includes(value));

const httpUrl = z
  .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })
  .transform((value) => value.replace(/\/+$/, ""));

const schema = z.object({
  NODE_ENV: z.enum(["production", "development", "test"]).default("production"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce
    .number({ error: "must be a port number" })
    .int()
    .min(0, "must be between 0 and 65535")
    .max(65535, "must be between 0 and 65535")
    .default(3000),
  BASE_URL: httpUrl.optional(),
  DATA_DIR: z.string().min(1).default("data"),
  DATABASE_URL: z
    .string()
    .regex(/^file:.+/, 'must be a SQLite file URL such as "file:/srv/sendero.db"')
    .optional(),
  COURSES_DIR: z.string().min(1).default("courses"),
  INSTANCE_NAME: z.string().trim().min(1).max(80).default("Sendero"),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, "must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Sendero <no-reply@localhost>"),
  TRUST_PROXY: z
    .string()
    .regex(/^(false|true|loopback|\d+)$/, 'use "false", "true", "loopback" or a number of proxy hops')
    .default("false"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  WATCH_COURSES: booleanFlag.optional(),
  /** Accounts unused this many months are warned, then erased 30 days later; 0 = never (src/privacy/retention.ts). */
  RETENTION_MONTHS: z.coerce
    .number({ error: "must be a whole number of months (0 = keep accounts forever)" })
    .int("must be a whole number of months (0 = keep accounts forever)")
    .min(0, "must be 0 or more")
    .max(1200, "must be at most 1200")
    .default(24),
  // Where "Quick exit" goes: a neutral site that is harmless to be seen on (docs/decisions/0015).
  QUICK_EXIT_URL: z
    .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })
    .default("https://weather.com/"),
});

export type Env = {
  nodeEnv: "production" | "development" | "test";
  host: string;
  port: number;
  baseUrl: string;
  dataDir: string;
  databaseUrl: string;
  coursesDir: string;
  instanceName: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  trustProxy: boolean | number | "loopback";
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  watchCourses: boolean;
  retentionMonths: number;
  quickExitUrl: string;
};

export class EnvError extends Error {
  override name = "EnvError";
}

/** Validates the environment and fills in defaults; throws EnvError naming each bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  // Empty strings (e.g. `SMTP_URL=` in a .env file) mean "not set".
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "environment");
      const given = present[name] === undefined ? "" : ` (got ${JSON.stringify(present[name])})`;
      return `  ${name}: ${issue.message}${given}`;
    });
    throw new EnvError(`Invalid environment — fix these variables (see .env.example):\n${lines.join("\n")}`);
  }
  const e = result.data;
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    nodeEnv: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    baseUrl: e.BASE_URL ?? `http://localhost:${e.PORT}`,
    dataDir,
    databaseUrl: e.DATABASE_URL ?? `file:${path.join(dataDir, "sendero.db")}`,
    coursesDir: path.resolve(e.COURSES_DIR),
    instanceName: e.INSTANCE_NAME,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    logLevel: e.LOG_LEVEL,
    watchCourses: e.WATCH_COURSES ?? e.NODE_ENV === "development",
    retentionMonths: e.RETENTION_MONTHS,
    quickExitUrl: e.QUICK_EXIT_URL,
  };
}

function parseTrustProxy(value: string): Env["trustProxy"] {
  if (value === "true") return true;
  if (value === "false") return false;
  if (value === "loopback") return "loopback";
  return Number(value);
}

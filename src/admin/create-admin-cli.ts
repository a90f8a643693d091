// npm run admin:create -- --username <name> [--display-name "<name>"]
// Creates a platform admin, or promotes an existing account. The password for a new
// account is read from a prompt (not echoed) or, when piped, from the first line of stdin.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { hashPassword } from "../auth/passwords.js";
import { findUserBySignInName, insertUser, updateUserRole } from "../auth/queries.js";
import { displayNameField, newPasswordField, usernameField } from "../auth/schemas.js";
import { openDb } from "../db/client.js";
import { applyMigrations } from "../db/migrate.js";
import { EnvError, parseEnv } from "../env.js";
import { getLocale } from "../i18n/i18n.js";
import { generateSecureRandomString } from "../security/random.js";
import { readPassword } from "./read-password.js";

const MIGRATIONS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../prisma/migrations");
const { t } = getLocale("en");

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { username: { type: "string" }, "display-name": { type: "string" } } });
  const username = usernameField.safeParse(values.username ?? "");
  if (!username.success) {
    console.error(
      `Usage: npm run admin:create -- --username <name> [--display-name "<name>"]\n${t(username.error.issues[0]!.message)}`,
    );
    return 2;
  }
  const env = parseEnv();
  applyMigrations(env.databaseUrl, MIGRATIONS);
  const db = await openDb(env.databaseUrl);
  try {
    const existing = await findUserBySignInName(db, username.data);
    if (existing) {
      await updateUserRole(db, existing.id, "admin");
      console.log(`"${existing.username}" is now a platform admin.`);
      return 0;
    }
    const displayName = displayNameField.safeParse(values["display-name"] ?? username.data);
    if (!displayName.success) {
      console.error(t(displayName.error.issues[0]!.message));
      return 2;
    }
    const password = newPasswordField.safeParse(await readPassword(`Password for ${username.data}: `));
    if (!password.success) {
      console.error(t(password.error.issues[0]!.message));
      return 2;
    }
    await insertUser(db, {
      id: generateSecureRandomString(16),
      username: username.data,
      displayName: displayName.data,
      email: null,
      passwordHash: await hashPassword(password.data),
      locale: null,
      platformRole: "admin",
    });
    console.log(`Created platform admin "${username.data}". Sign in at ${env.baseUrl}/login`);
    return 0;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof EnvError ? error.message : error);
    process.exit(1);
  },
);

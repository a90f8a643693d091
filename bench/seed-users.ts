// Learners with sessions, written straight into a benchmark's database (one password
// hash shared by all: hashing is not what these benchmarks measure).
import { hashPassword } from "../src/auth/passwords.js";
import { insertUser } from "../src/auth/queries.js";
import { createSession } from "../src/auth/session.js";
import { openDb } from "../src/db/client.js";
import { generateSecureRandomString } from "../src/security/random.js";

export type BenchUser = { id: string; cookie: string };

export async function seedUsers(databaseUrl: string, count: number): Promise<BenchUser[]> {
  const db = await openDb(databaseUrl);
  const passwordHash = await hashPassword("benchmark passphrase");
  const users: BenchUser[] = [];
  for (let i = 0; i < count; i++) {
    const id = generateSecureRandomString(16);
    await insertUser(db, {
      id,
      username: `bench${i}-${id.slice(0, 4)}`,
      displayName: `Bench ${i}`,
      email: null,
      passwordHash,
      locale: null,
    });
    const { token } = await createSession(db, id, "Bench|Linux", new Date());
    users.push({ id, cookie: `session=${token}` });
  }
  await db.$disconnect();
  return users;
}

// Platform administration of people: find, disable (which ends their sessions), enable,
// and set their platform role. Admins cannot lock themselves out.
import {
  deleteUserSessions,
  findUserById,
  type PlatformRole,
  runInTransaction,
  searchUsers,
  setUserDisabled,
  type UserRecord,
  updateUserRole,
} from "../auth/queries.js";
import type { AppDeps } from "../deps.js";
import { badRequest, notFound } from "../web/errors.js";

export const USERS_PER_PAGE = 25;

export async function listUsers({ db }: Pick<AppDeps, "db">, query: string, page: number) {
  const { users, total } = await searchUsers(db, query, page, USERS_PER_PAGE);
  return { users, total, page, pages: Math.max(1, Math.ceil(total / USERS_PER_PAGE)) };
}

export async function getUser({ db }: Pick<AppDeps, "db">, id: string): Promise<UserRecord> {
  const user = await findUserById(db, id);
  if (!user) throw notFound();
  return user;
}

export async function disableUser(deps: Pick<AppDeps, "db" | "clock">, adminId: string, userId: string): Promise<void> {
  if (adminId === userId) throw badRequest("admin.users.cannotDisableSelf");
  await getUser(deps, userId);
  await runInTransaction(deps.db, async (tx) => {
    await setUserDisabled(tx, userId, deps.clock.now());
    await deleteUserSessions(tx, userId);
  });
}

export async function enableUser(deps: Pick<AppDeps, "db">, userId: string): Promise<void> {
  await getUser(deps, userId);
  await setUserDisabled(deps.db, userId, null);
}

export async function setRole(
  deps: Pick<AppDeps, "db">,
  adminId: string,
  userId: string,
  role: PlatformRole,
): Promise<void> {
  if (adminId === userId) throw badRequest("admin.users.cannotChangeOwnRole");
  await getUser(deps, userId);
  // A role change alters the session policy: start clean.
  await runInTransaction(deps.db, async (tx) => {
    await updateUserRole(tx, userId, role);
    await deleteUserSessions(tx, userId);
  });
}

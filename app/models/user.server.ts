import { asc, eq } from "drizzle-orm";
import { hash, verify } from "argon2";
import type { Language } from "~/i18n/languages";
import { getDb, schema } from "~/utils/db.server";
import { delegationNameColumns } from "~/models/delegation.server";

const { users, delegations } = schema;

// The columns of a SessionUser, to select or return; never the password hash.
export const sessionUserFields = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  language: users.language,
  timeZone: users.timeZone,
  delegationId: users.delegationId,
};
const sessionUserColumns = { ...sessionUserFields, disabledAt: users.disabledAt };

export type UserRole = (typeof schema.roleEnum.enumValues)[number];

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  language: Language;
  timeZone: string | null;
  delegationId: string | null;
};

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export async function getUserById(id: string): Promise<SessionUser | null> {
  const db = await getDb();
  const [user] = await db.select(sessionUserColumns).from(users).where(eq(users.id, id));
  if (!user || user.disabledAt) return null;
  const { disabledAt: _disabled, ...rest } = user;
  return rest;
}

/**
 * The user whose password matches, or null. A missing account still costs one hash so that
 * response times do not reveal which addresses have accounts.
 */
export async function verifyLogin(email: string, password: string): Promise<SessionUser | null> {
  const db = await getDb();
  const [user] = await db
    .select({ ...sessionUserColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, normalizeEmail(email)));
  if (!user?.passwordHash || user.disabledAt) {
    await hash(password);
    return null;
  }
  if (!(await verify(user.passwordHash, password))) return null;
  const { passwordHash: _hash, disabledAt: _disabled, ...rest } = user;
  return rest;
}

export async function setUserLanguage(userId: string, language: Language) {
  const db = await getDb();
  await db.update(users).set({ language, updatedAt: new Date() }).where(eq(users.id, userId));
}

/** Every account with its delegation, for the secretariat's user list: one query. */
export async function listUsers() {
  const db = await getDb();
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      language: users.language,
      disabledAt: users.disabledAt,
      createdAt: users.createdAt,
      // Clearance inside the mission (issue 19): the delegate's approver role, the mission's setting.
      approver: users.approver,
      delegation: {
        id: delegations.id,
        code: delegations.code,
        clearanceRequired: delegations.clearanceRequired,
        ...delegationNameColumns,
      },
    })
    .from(users)
    .leftJoin(delegations, eq(delegations.id, users.delegationId))
    .orderBy(asc(users.role), asc(users.name));
}

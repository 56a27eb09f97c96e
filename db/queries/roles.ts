import "server-only";
import { sql } from "drizzle-orm";
import { db, type Database } from "@/db/index";

// Roles granted by an operator (scripts/vitrine/role.ts). The database is a parameter so the CLI can
// act on the cluster it opened; the app uses its own pool.

export const ROLES = ["moderator"] as const;
export type Role = (typeof ROLES)[number];

export type RoleChange = "changed" | "unchanged" | "no-such-user";

/** Grants a role to the user with this handle (case-insensitive). */
export async function grantRole(
  handle: string,
  role: Role,
  database: Database = db,
): Promise<RoleChange> {
  const result = await database.execute(sql`
    with target as (select user_id from profiles where lower(handle) = lower(${handle})),
    ins as (
      insert into user_roles (user_id, role) select user_id, ${role} from target
      on conflict do nothing returning user_id
    )
    select (select count(*) from target)::int as found, (select count(*) from ins)::int as changed`);
  return outcome(result.rows[0]);
}

/** Takes a role away from the user with this handle. */
export async function revokeRole(
  handle: string,
  role: Role,
  database: Database = db,
): Promise<RoleChange> {
  const result = await database.execute(sql`
    with target as (select user_id from profiles where lower(handle) = lower(${handle})),
    del as (
      delete from user_roles where role = ${role} and user_id in (select user_id from target)
      returning user_id
    )
    select (select count(*) from target)::int as found, (select count(*) from del)::int as changed`);
  return outcome(result.rows[0]);
}

function outcome(row: Record<string, unknown> | undefined): RoleChange {
  if (!row || Number(row.found) === 0) return "no-such-user";
  return Number(row.changed) > 0 ? "changed" : "unchanged";
}

/** Whether the user holds the moderator role (the same lookup visibleTo makes in SQL). */
export async function isModerator(userId: string | null | undefined): Promise<boolean> {
  if (!userId) return false;
  const result = await db.execute(
    sql`select 1 from user_roles where user_id = ${userId} and role = 'moderator'`,
  );
  return result.rows.length > 0;
}

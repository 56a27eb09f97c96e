import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import { db, type Database } from "@/db/index";
import { apiTokens, profiles } from "@/db/schema";
import type { TokenScope } from "@/domain/validation/token";

// Personal access tokens (issue 14). The token is `vit_` + 32 random bytes (base64url); only its
// SHA-256 is stored, so a leaked database yields no usable token. `prefix` is what lists show.

export const TOKEN_PREFIX = "vit_";
const TOKEN_SHAPE = /^vit_[A-Za-z0-9_-]{43}$/;
/** last_used_at moves at most once a minute: a busy script must not write on every request. */
const LAST_USED_GRANULARITY = sql`interval '1 minute'`;

export type TokenRow = {
  id: string;
  name: string;
  scope: TokenScope;
  prefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export type TokenViewer = {
  userId: string;
  handle: string | null;
  scope: TokenScope;
  tokenId: string;
};

export function hashToken(raw: string): string {
  return createHash("sha256").update(raw, "utf8").digest("hex");
}

const rowColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  scope: apiTokens.scope,
  prefix: apiTokens.prefix,
  createdAt: apiTokens.createdAt,
  expiresAt: apiTokens.expiresAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};

/** A new token for the user; `token` is returned once and never again. */
export async function createToken(
  userId: string,
  { name, scope, expiresAt }: { name: string; scope: TokenScope; expiresAt: Date | null },
  database: Database = db,
): Promise<{ token: string; row: TokenRow }> {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const [row] = await database
    .insert(apiTokens)
    .values({
      userId,
      name,
      scope,
      expiresAt,
      tokenHash: hashToken(token),
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
    })
    .returning(rowColumns);
  return { token, row: row! };
}

/** The user's tokens, newest first, revoked ones included (the list says so). */
export async function listTokens(userId: string, database: Database = db): Promise<TokenRow[]> {
  return database
    .select(rowColumns)
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

/** Revokes one of the user's own tokens (scoped in SQL). False when there is no such live token. */
export async function revokeToken(
  userId: string,
  id: string,
  database: Database = db,
): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return false;
  const rows = await database
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}

/** The user behind a handle (case-insensitive), for the operator command; null when none. */
export async function userIdForHandle(handle: string, database: Database = db) {
  const [row] = await database
    .select({ userId: profiles.userId })
    .from(profiles)
    .where(sql`lower(${profiles.handle}) = lower(${handle})`)
    .limit(1);
  return row?.userId ?? null;
}

// The optional `database` lets the operator command (scripts/vitrine/token.ts) use its own pool.

/**
 * Who a bearer token speaks for: a live (not revoked, not expired) token of an existing user, or
 * null. Malformed input is null without a query.
 */
export async function authenticateToken(raw: string): Promise<TokenViewer | null> {
  if (!TOKEN_SHAPE.test(raw)) return null;
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      userId: apiTokens.userId,
      scope: apiTokens.scope,
      handle: profiles.handle,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .leftJoin(profiles, eq(profiles.userId, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, hashToken(raw)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
      ),
    )
    .limit(1);
  if (!row) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() >= 60_000) {
    // Conditional in SQL too, so concurrent requests write it once.
    await db
      .update(apiTokens)
      .set({ lastUsedAt: sql`now()` })
      .where(
        and(
          eq(apiTokens.id, row.tokenId),
          or(
            isNull(apiTokens.lastUsedAt),
            lt(apiTokens.lastUsedAt, sql`now() - ${LAST_USED_GRANULARITY}`),
          ),
        ),
      );
  }
  return { userId: row.userId, handle: row.handle, scope: row.scope, tokenId: row.tokenId };
}

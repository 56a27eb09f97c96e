// `npm run vitrine -- token create --handle <h> --scope read|write --name <name> [--expires-days N]`
// prints only the new token on stdout (for automation); `token list --handle <h>` and
// `token revoke --handle <h> --id <uuid>` manage them. Same rules as /settings/tokens.
import { parseArgs } from "node:util";
import type { Command } from "../vitrine";
import { createToken, listTokens, revokeToken, userIdForHandle } from "@/db/queries/tokens";
import { tokenNameSchema, tokenScopeSchema } from "@/domain/validation/token";

const USAGE =
  "token create --handle <h> --scope read|write --name <name> [--expires-days N] | token list --handle <h> | token revoke --handle <h> --id <token id>";

function refuse(message: string): number {
  console.error(message);
  return 2;
}

export const command: Command = {
  usage: USAGE,
  async run(args, { db, out }) {
    const [sub, ...rest] = args;
    let values: Record<string, string | undefined>;
    try {
      values = parseArgs({
        args: rest,
        options: {
          handle: { type: "string" },
          scope: { type: "string" },
          name: { type: "string" },
          "expires-days": { type: "string" },
          id: { type: "string" },
        },
        strict: true,
      }).values as Record<string, string | undefined>;
    } catch (err) {
      return refuse(`${(err as Error).message}. Usage: ${USAGE}`);
    }
    if (!sub || !["create", "list", "revoke"].includes(sub)) return refuse(`Usage: ${USAGE}`);
    if (!values.handle) return refuse("Say whose token it is with --handle <handle>.");
    const userId = await userIdForHandle(values.handle, db);
    if (!userId) return refuse(`There is no user with the handle "${values.handle}".`);

    if (sub === "list") {
      for (const t of await listTokens(userId, db)) {
        const state = t.revokedAt
          ? "revoked"
          : t.expiresAt && t.expiresAt <= new Date()
            ? "expired"
            : "live";
        out(
          [
            t.id,
            t.prefix + "…",
            t.scope,
            state,
            t.name,
            t.lastUsedAt?.toISOString() ?? "never",
          ].join("\t"),
        );
      }
      return 0;
    }
    if (sub === "revoke") {
      if (!values.id) return refuse("Say which token with --id <token id> (see token list).");
      if (!(await revokeToken(userId, values.id, db)))
        return refuse("That user has no live token with this id.");
      console.error("Token revoked.");
      return 0;
    }
    const name = tokenNameSchema.safeParse(values.name ?? "");
    if (!name.success) return refuse(name.error.issues[0]!.message);
    const scope = tokenScopeSchema.safeParse(values.scope);
    if (!scope.success) return refuse("Choose --scope read or --scope write.");
    let expiresAt: Date | null = null;
    if (values["expires-days"] !== undefined) {
      const days = Number(values["expires-days"]);
      if (!Number.isInteger(days) || days < 1 || days > 3650)
        return refuse("--expires-days must be a whole number of days from 1 to 3650.");
      expiresAt = new Date(Date.now() + days * 86_400_000);
    }
    const { token } = await createToken(
      userId,
      { name: name.data, scope: scope.data, expiresAt },
      db,
    );
    out(token);
    return 0;
  },
};

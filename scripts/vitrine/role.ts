// `npm run vitrine -- role grant --handle <h> moderator` and `role revoke --handle <h> moderator`:
// the operator's way to make someone a moderator (issue 15). One sentence either way; exit 2 on a
// refusal, nothing changed.
import { parseArgs } from "node:util";
import { ROLES, grantRole, revokeRole, type Role } from "@/db/queries/roles";
import type { Command } from "../vitrine";

const USAGE = "role grant|revoke --handle <handle> moderator";

export const command: Command = {
  usage: USAGE,
  async run(args, { db, out }) {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        options: { handle: { type: "string" } },
        allowPositionals: true,
        strict: true,
      });
    } catch (err) {
      console.error(`${err instanceof Error ? err.message : String(err)} Usage: ${USAGE}`);
      return 2;
    }
    const [verb, role, ...rest] = parsed.positionals;
    const handle = parsed.values.handle?.replace(/^@/, "").trim();
    if ((verb !== "grant" && verb !== "revoke") || !handle || rest.length > 0) {
      console.error(`Usage: ${USAGE}`);
      return 2;
    }
    if (!ROLES.includes(role as Role)) {
      console.error(`Unknown role "${role ?? ""}". Roles: ${ROLES.join(", ")}.`);
      return 2;
    }
    const change =
      verb === "grant"
        ? await grantRole(handle, role as Role, db)
        : await revokeRole(handle, role as Role, db);
    if (change === "no-such-user") {
      console.error(`No user has the handle @${handle}.`);
      return 2;
    }
    const done = verb === "grant" ? "is now" : "is no longer";
    const already = verb === "grant" ? "already is" : "was not";
    out(
      change === "changed" ? `@${handle} ${done} a ${role}.` : `@${handle} ${already} a ${role}.`,
    );
    return 0;
  },
};

import type { TokenRow } from "@/db/queries/tokens";

function day(date: Date | null, never: string) {
  return date ? date.toISOString().slice(0, 16).replace("T", " ") + " UTC" : never;
}

function status(row: TokenRow, now: Date): string | null {
  if (row.revokedAt) return "revoked";
  if (row.expiresAt && row.expiresAt <= now) return "expired";
  return null;
}

/** The user's tokens with scope, expiry and last use; live ones get a revoke button. */
export function TokenList({
  tokens,
  now,
  revoke,
}: {
  tokens: TokenRow[];
  now: Date;
  revoke: (formData: FormData) => Promise<void>;
}) {
  if (!tokens.length) return <p className="text-sm text-zinc-600">You have no tokens yet.</p>;
  return (
    <ul className="divide-y divide-zinc-200 text-sm" aria-label="Your tokens">
      {tokens.map((t) => {
        const dead = status(t, now);
        return (
          <li key={t.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
            <div className="min-w-0 space-y-0.5">
              <p className="font-medium break-words text-zinc-900">
                {t.name}{" "}
                <span className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs font-normal text-zinc-700">
                  {t.scope}
                </span>
                {dead && (
                  <span className="ml-1 rounded bg-red-50 px-1.5 py-0.5 text-xs font-normal text-red-800">
                    {dead}
                  </span>
                )}
              </p>
              <p className="text-xs text-zinc-600">
                <code>{t.prefix}…</code> · created {day(t.createdAt, "")} · expires{" "}
                {day(t.expiresAt, "never")} · last used {day(t.lastUsedAt, "never")}
              </p>
            </div>
            {!dead && (
              <form action={revoke}>
                <input type="hidden" name="tokenId" value={t.id} />
                <button
                  type="submit"
                  aria-label={`Revoke ${t.name}`}
                  className="rounded-md border border-zinc-300 px-2.5 py-1 hover:bg-zinc-50"
                >
                  Revoke
                </button>
              </form>
            )}
          </li>
        );
      })}
    </ul>
  );
}

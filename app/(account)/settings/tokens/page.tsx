import type { Metadata } from "next";
import Link from "next/link";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { TokenList } from "@/components/tokens/token-list";
import { listTokens } from "@/db/queries/tokens";
import { idle } from "@/lib/actions";
import { requireUser } from "@/lib/auth/viewer";
import { createTokenAction, revokeTokenAction } from "./actions";

// A plain <form action> wrapper: the list re-renders (revalidatePath) with the token revoked.
async function revoke(formData: FormData) {
  "use server";
  await revokeTokenAction(idle, formData);
}

export const metadata: Metadata = {
  title: "Access tokens",
  description: "Personal access tokens for the Vitrine API.",
};

export default async function TokenSettingsPage() {
  const viewer = await requireUser("/settings/tokens");
  const tokens = await listTokens(viewer.id);
  return (
    <div className="space-y-8">
      <section
        aria-labelledby="new-token-heading"
        className="rounded-xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-6"
      >
        <h2 id="new-token-heading" className="mb-2 text-base font-semibold">
          New access token
        </h2>
        <p className="mb-4 text-sm text-zinc-600">
          Scripts and tools use a token to call the <Link href="/docs/api">Vitrine API</Link> as
          you, with <code>Authorization: Bearer &lt;token&gt;</code>. Vitrine keeps only a hash of
          it. A read token sees what you see; a write token can also publish, edit and delete.
        </p>
        <CreateTokenForm action={createTokenAction} />
      </section>
      <section
        aria-labelledby="tokens-heading"
        className="rounded-xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-6"
      >
        <h2 id="tokens-heading" className="mb-2 text-base font-semibold">
          Your tokens
        </h2>
        <TokenList tokens={tokens} now={new Date()} revoke={revoke} />
      </section>
    </div>
  );
}

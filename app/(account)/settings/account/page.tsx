import type { Metadata } from "next";
import { ChangePasswordForm, DeleteAccountForm } from "@/components/profile/account-forms";
import { listSessions } from "@/db/queries/sessions";
import { getPasswordHash } from "@/db/queries/users";
import { idle } from "@/lib/actions";
import { requireUser } from "@/lib/auth/viewer";
import {
  changePasswordAction,
  deleteAccountAction,
  revokeOtherSessionsAction,
  revokeSessionAction,
} from "./actions";

// Plain <form action> wrappers: the list re-renders (revalidatePath) with the session gone.
async function revokeOne(formData: FormData) {
  "use server";
  await revokeSessionAction(idle, formData);
}
async function revokeOthers(formData: FormData) {
  "use server";
  await revokeOtherSessionsAction(idle, formData);
}

export const metadata: Metadata = {
  title: "Account settings",
  description: "Change your password or delete your Vitrine account.",
};

export default async function AccountSettingsPage() {
  const viewer = await requireUser("/settings/account");
  const [hasPassword, sessions] = await Promise.all([
    getPasswordHash(viewer.id).then(Boolean),
    listSessions(viewer.id),
  ]);
  return (
    <div className="space-y-8">
      <section
        aria-labelledby="sessions-heading"
        className="rounded-xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-6"
      >
        <h2 id="sessions-heading" className="mb-2 text-base font-semibold">
          Signed-in browsers
        </h2>
        <p className="mb-4 text-sm text-zinc-600">
          Signing a browser out here ends its session at once, even if someone copied it.
        </p>
        <ul className="divide-y divide-zinc-200 text-sm">
          {sessions.map((s) => (
            <li key={s.id} className="flex items-center justify-between gap-3 py-2">
              <span className="min-w-0 break-words text-zinc-800">
                {s.userAgent?.slice(0, 120) ?? "Unknown browser"} · signed in{" "}
                {s.createdAt.toISOString().slice(0, 10)}
                {s.id === viewer.sessionId && <strong className="ml-1">(this browser)</strong>}
              </span>
              {s.id !== viewer.sessionId && (
                <form action={revokeOne}>
                  <input type="hidden" name="sessionId" value={s.id} />
                  <button
                    type="submit"
                    className="rounded-md border border-zinc-300 px-2.5 py-1 hover:bg-zinc-50"
                  >
                    Sign out
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
        {sessions.length > 1 && (
          <form action={revokeOthers} className="mt-3">
            <button
              type="submit"
              className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-50"
            >
              Sign out all other browsers
            </button>
          </form>
        )}
      </section>
      <section
        aria-labelledby="password-heading"
        className="rounded-xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-6"
      >
        <h2 id="password-heading" className="mb-4 text-base font-semibold">
          Change password
        </h2>
        {hasPassword ? (
          <ChangePasswordForm action={changePasswordAction} />
        ) : (
          <p className="text-sm text-zinc-600">
            You sign in with GitHub or Google, so there is no password to change.
          </p>
        )}
      </section>
      <section
        aria-labelledby="delete-heading"
        className="rounded-xl border border-red-200 bg-white p-5 shadow-sm sm:p-6"
      >
        <h2 id="delete-heading" className="text-base font-semibold text-red-800">
          Delete account
        </h2>
        <p className="mt-2 text-sm text-zinc-700">
          This deletes your profile, your artifacts with all their versions, and your uploaded
          images, at once and for good. Forks other people made of your artifacts stay theirs; they
          will show “forked from a deleted artifact”.
        </p>
        <DeleteAccountForm action={deleteAccountAction} confirmWord={viewer.handle ?? "delete"} />
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import { ChangePasswordForm, DeleteAccountForm } from "@/components/profile/account-forms";
import { getPasswordHash } from "@/db/queries/users";
import { requireUser } from "@/lib/auth/viewer";
import { changePasswordAction, deleteAccountAction } from "./actions";

export const metadata: Metadata = { title: "Account settings", description: "Change your password or delete your Vitrine account." };

export default async function AccountSettingsPage() {
  const viewer = await requireUser("/settings/account");
  const hasPassword = Boolean(await getPasswordHash(viewer.id));
  return (
    <div className="space-y-8">
      <section aria-labelledby="password-heading" className="rounded-xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-6">
        <h2 id="password-heading" className="mb-4 text-base font-semibold">
          Change password
        </h2>
        {hasPassword ? (
          <ChangePasswordForm action={changePasswordAction} />
        ) : (
          <p className="text-sm text-zinc-600">You sign in with GitHub or Google, so there is no password to change.</p>
        )}
      </section>
      <section aria-labelledby="delete-heading" className="rounded-xl border border-red-200 bg-white p-5 shadow-sm sm:p-6">
        <h2 id="delete-heading" className="text-base font-semibold text-red-800">
          Delete account
        </h2>
        <p className="mt-2 text-sm text-zinc-700">
          This deletes your profile, your artifacts with all their versions, and your uploaded images, at once and for good.
          Forks other people made of your artifacts stay theirs; they will show “forked from a deleted artifact”.
        </p>
        <DeleteAccountForm action={deleteAccountAction} confirmWord={viewer.handle ?? "delete"} />
      </section>
    </div>
  );
}

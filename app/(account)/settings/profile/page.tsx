import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ProfileForm } from "@/components/profile/profile-form";
import { AvatarUploader } from "@/components/profile/avatar-uploader";
import { getProfileByUserId } from "@/db/queries/profiles";
import { requireUser } from "@/lib/auth/viewer";
import { AVATAR_MESSAGES, type AvatarRefusal } from "@/lib/uploads/image";
import { removeAvatarAction, updateProfileAction } from "./actions";

export const metadata: Metadata = {
  title: "Profile settings",
  description: "Edit your Vitrine profile and avatar.",
};

type Props = { searchParams: Promise<{ avatar?: string | string[] }> };

// After a plain form post (no JavaScript) the avatar route redirects here with a result code.
const AVATAR_NOTICES: Record<string, string> = {
  ...AVATAR_MESSAGES,
  saved: "Your new avatar is saved.",
  rate: "Too many avatar uploads. Please try again later.",
  signin: "Please sign in first.",
  handle: "Choose a handle before uploading an avatar.",
} satisfies Record<AvatarRefusal | "saved" | "rate" | "signin" | "handle", string>;

export default async function ProfileSettingsPage({ searchParams }: Props) {
  const viewer = await requireUser("/settings/profile");
  const [profile, params] = await Promise.all([getProfileByUserId(viewer.id), searchParams]);
  if (!profile) redirect("/welcome?callbackUrl=%2Fsettings%2Fprofile");
  const code = typeof params.avatar === "string" ? params.avatar : null;
  const notice =
    code && AVATAR_NOTICES[code] ? { ok: code === "saved", text: AVATAR_NOTICES[code] } : null;
  return (
    <div className="space-y-8">
      <section
        aria-labelledby="avatar-heading"
        className="rounded-xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-6"
      >
        <h2 id="avatar-heading" className="text-base font-semibold">
          Avatar
        </h2>
        <AvatarUploader
          avatarUrl={profile.avatarUrl}
          handle={profile.handle}
          notice={notice}
          removeAction={removeAvatarAction}
        />
      </section>
      <section
        aria-labelledby="profile-heading"
        className="rounded-xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-6"
      >
        <h2 id="profile-heading" className="mb-4 text-base font-semibold">
          Public profile
        </h2>
        <ProfileForm
          action={updateProfileAction}
          profile={{
            handle: profile.handle,
            displayName: profile.displayName ?? "",
            bio: profile.bio ?? "",
            city: profile.city ?? "",
            country: profile.country ?? "",
            gender: profile.gender ?? "",
            age: profile.age === null ? "" : String(profile.age),
            showAge: profile.showAge,
            showGender: profile.showGender,
          }}
        />
      </section>
    </div>
  );
}

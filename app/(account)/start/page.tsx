import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AvatarUploader } from "@/components/profile/avatar-uploader";
import { getProfileByUserId } from "@/db/queries/profiles";
import { requireUser } from "@/lib/auth/viewer";
import { TEMPLATES } from "@/domain/templates";
import { removeAvatarAction } from "../settings/profile/actions";

export const metadata: Metadata = {
  title: "Welcome",
  description: "Your first steps on Vitrine.",
  robots: { index: false },
};

const cardClass = "space-y-3 rounded-xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-6";

// Where sign-up lands (unless it was sent somewhere else): three optional first steps, each one
// click from here, and a way past all of them.
export default async function StartPage() {
  const viewer = await requireUser("/start");
  const profile = await getProfileByUserId(viewer.id);
  if (!profile) redirect("/welcome?callbackUrl=%2Fstart");
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Welcome, @{profile.handle}</h1>
        <p className="text-sm text-zinc-600">
          Three ways to begin. Each is optional, and you can{" "}
          <Link href="/" className="text-brand-700 font-medium underline">
            skip them all
          </Link>
          .
        </p>
      </header>
      <section aria-labelledby="start-avatar" className={cardClass}>
        <h2 id="start-avatar" className="text-base font-semibold">
          1. Add a picture
        </h2>
        <AvatarUploader
          avatarUrl={profile.avatarUrl}
          handle={profile.handle}
          notice={null}
          removeAction={removeAvatarAction}
        />
      </section>
      <section aria-labelledby="start-publish" className={cardClass}>
        <h2 id="start-publish" className="text-base font-semibold">
          2. Publish something
        </h2>
        <p className="text-sm text-zinc-600">
          Start from a template and change it with the live preview beside the code, or paste what
          an assistant made for you.
        </p>
        <ul className="flex flex-wrap gap-2" aria-label="Templates">
          {TEMPLATES.map((t) => (
            <li key={t.id}>
              <Link
                href={`/new?template=${t.id}`}
                className="block rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm font-medium text-zinc-800 hover:bg-zinc-100"
              >
                {t.label}
              </Link>
            </li>
          ))}
        </ul>
        <Link
          href="/new"
          className="bg-brand-600 hover:bg-brand-700 inline-block rounded-md px-3 py-2 text-sm font-medium text-white"
        >
          Paste your own code
        </Link>
      </section>
      <section aria-labelledby="start-browse" className={cardClass}>
        <h2 id="start-browse" className="text-base font-semibold">
          3. See what others made
        </h2>
        <p className="text-sm text-zinc-600">
          Live artifacts you can run, read the chat behind, and fork.
        </p>
        <Link href="/" className="text-brand-700 text-sm font-medium underline">
          Browse Explore
        </Link>
      </section>
      <p className="text-center text-sm">
        <Link href="/" className="text-zinc-700 underline">
          Skip for now
        </Link>
      </p>
    </div>
  );
}

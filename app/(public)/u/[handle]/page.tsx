import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { listArtifactsByOwner } from "@/db/queries/artifacts";
import { getProfileByHandle, getProfileStats } from "@/db/queries/profiles";
import { getViewer } from "@/lib/auth/viewer";
import { ArtifactList } from "@/components/artifact/artifact-list";
import { Avatar } from "@/components/ui/avatar";
import { LikedArtifacts, ProfileTabs } from "@/components/gallery/liked-artifacts";
import { profileSocialMetadata } from "@/components/gallery/social-metadata";

type Props = { params: Promise<{ handle: string }>; searchParams: Promise<{ cursor?: string; tab?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const profile = await getProfileByHandle(decodeURIComponent((await params).handle));
  if (!profile) return { title: "Not found" };
  const title = `${profile.displayName ?? profile.handle} (@${profile.handle})`;
  const description = profile.bio?.slice(0, 200) ?? `Artifacts by @${profile.handle} on Vitrine.`;
  return { title, description, ...profileSocialMetadata({ handle: profile.handle, title, description }) };
}

export default async function ProfilePage({ params, searchParams }: Props) {
  const [{ handle }, { cursor, tab }] = await Promise.all([params, searchParams]);
  const profile = await getProfileByHandle(decodeURIComponent(handle));
  if (!profile) notFound();
  const viewer = await getViewer();
  const [stats, page] = await Promise.all([
    getProfileStats(profile.userId),
    listArtifactsByOwner({ ownerUserId: profile.userId, viewerId: viewer?.id ?? null, cursor: typeof cursor === "string" ? cursor : null }),
  ]);
  return (
    <div className="space-y-8">
      <header className="flex flex-col gap-4 sm:flex-row sm:items-center">
        <Avatar src={profile.avatarUrl} name={profile.handle} size={80} />
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{profile.displayName ?? profile.handle}</h1>
          <p className="text-zinc-500">@{profile.handle}</p>
          {profile.bio && <p className="mt-2 max-w-2xl whitespace-pre-line text-zinc-700">{profile.bio}</p>}
          <dl className="mt-3 flex gap-6 text-sm">
            <div><dt className="text-zinc-500">Artifacts</dt><dd className="font-semibold">{stats.publicArtifacts}</dd></div>
            <div><dt className="text-zinc-500">Likes received</dt><dd className="font-semibold">{stats.likesReceived}</dd></div>
            <div><dt className="text-zinc-500">Forks received</dt><dd className="font-semibold">{stats.forksReceived}</dd></div>
          </dl>
        </div>
      </header>
      <ProfileTabs handle={profile.handle} active={tab === "liked" ? "liked" : "artifacts"} />
      {tab === "liked" ? (
        <LikedArtifacts userId={profile.userId} handle={profile.handle} cursor={typeof cursor === "string" ? cursor : null} />
      ) : (
      <section aria-labelledby="artifacts-heading" className="space-y-4">
        <h2 id="artifacts-heading" className="text-lg font-semibold">Artifacts</h2>
        <ArtifactList items={page.items} empty={`@${profile.handle} has not published anything yet.`} />
        {page.nextCursor && (
          <div className="flex justify-center">
            <Link href={`/u/${profile.handle}?cursor=${page.nextCursor}`} className="rounded-md border border-zinc-300 bg-white px-4 py-2 text-sm hover:bg-zinc-50">
              Older artifacts
            </Link>
          </div>
        )}
      </section>
      )}
    </div>
  );
}

import Link from "next/link";
import { Markdown } from "@/components/markdown/markdown";
import { Avatar } from "@/components/ui/avatar";
import type { Profile } from "@/db/schema";
import type { ProfileStats } from "@/db/queries/profiles";

const joined = new Intl.DateTimeFormat("en", { month: "long", year: "numeric", timeZone: "UTC" });
const count = new Intl.NumberFormat("en");

export function ProfileHeader({
  profile,
  stats,
  isOwner,
}: {
  profile: Profile;
  stats: ProfileStats;
  isOwner: boolean;
}) {
  const place = [profile.city, profile.country].filter(Boolean).join(", ");
  const facts = [
    place ? { label: "Location", value: place } : null,
    // Age and gender only when their owner opted in (profile settings); never by default.
    profile.showAge && profile.age !== null ? { label: "Age", value: String(profile.age) } : null,
    profile.showGender && profile.gender ? { label: "Gender", value: profile.gender } : null,
    { label: "Joined", value: joined.format(profile.createdAt) },
  ].filter((f): f is { label: string; value: string } => f !== null);
  return (
    <header className="flex flex-col gap-5 sm:flex-row sm:items-start">
      <Avatar src={profile.avatarUrl} name={profile.handle} size={96} />
      <div className="min-w-0 flex-1 space-y-3">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <h1 className="text-2xl font-semibold tracking-tight break-words">
              {profile.displayName ?? profile.handle}
            </h1>
            <p className="text-zinc-500">@{profile.handle}</p>
          </div>
          {isOwner && (
            <Link
              href="/settings/profile"
              className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-zinc-50"
            >
              Edit profile
            </Link>
          )}
        </div>
        {profile.bio && <Markdown source={profile.bio} className="max-w-2xl text-zinc-700" />}
        <dl className="flex flex-wrap gap-x-5 gap-y-1 text-sm text-zinc-600">
          {facts.map((f) => (
            <div key={f.label} className="flex gap-1.5">
              <dt className="text-zinc-500">{f.label}</dt>
              <dd className="font-medium text-zinc-800">{f.value}</dd>
            </div>
          ))}
        </dl>
        <dl className="flex flex-wrap gap-6 pt-1 text-sm">
          <Stat label="Public artifacts" value={stats.publicArtifacts} />
          <Stat label="Likes received" value={stats.likesReceived} />
          <Stat label="Forks received" value={stats.forksReceived} />
        </dl>
      </div>
    </header>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div className="flex flex-col-reverse">
      <dt className="text-zinc-500">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums">{count.format(value)}</dd>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { StatsChart } from "@/components/social/stats-chart";
import { getViewer, requireUser } from "@/lib/auth/viewer";
import { loadArtifactStats } from "@/lib/loaders/social";
import { parseId } from "@/domain/ids";

type Props = { params: Promise<{ id: string }> };

// One look-up per request, shared by generateMetadata and the page: for anyone but the owner the
// page does not exist, title included (the access walker compares it with a never-created id's).
const loadStats = cache(async (id: string) => {
  const viewer = await getViewer();
  return viewer ? loadArtifactStats(id, viewer.id) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseId((await params).id);
  const stats = id ? await loadStats(id) : null;
  return stats
    ? { title: `Stats · ${stats.title}`, robots: { index: false } }
    : { title: "Not found" };
}

const format = new Intl.NumberFormat("en");

/** Owner only: views and forks per day. For anyone else this page does not exist. */
export default async function StatsPage({ params }: Props) {
  const id = parseId((await params).id);
  if (!id) notFound();
  await requireUser(`/a/${id}/stats`); // signed-out visitors sign in first, then come back
  const stats = await loadStats(id);
  if (!stats) notFound();
  const facts = [
    { label: "Views, all time", value: stats.viewsCount },
    { label: "Views, last 7 days", value: stats.viewsWeek },
    { label: "Public forks", value: stats.forksCount },
  ];
  return (
    <div className="space-y-8">
      <header className="space-y-1">
        <p className="text-sm">
          <Link href={`/a/${id}`} className="text-brand-700 break-words hover:underline">
            ← {stats.title}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">Stats</h1>
        <p className="text-sm text-zinc-600">
          Views count each visitor once a day (not you, not bots). Only you see this page.
        </p>
      </header>
      <dl className="flex flex-wrap gap-8">
        {facts.map((f) => (
          <div key={f.label} className="flex flex-col-reverse">
            <dt className="text-sm text-zinc-500">{f.label}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{format.format(f.value)}</dd>
          </div>
        ))}
      </dl>
      <StatsChart days={stats.days} field="views" label="Views" color="#4f6ef7" />
      <StatsChart days={stats.days} field="forks" label="Forks" color="#047857" />
      <details className="text-sm">
        <summary className="cursor-pointer text-zinc-600">The numbers, day by day</summary>
        <table className="mt-2 w-full max-w-md text-left tabular-nums">
          <thead>
            <tr className="text-zinc-500">
              <th className="py-1 font-medium">Day (UTC)</th>
              <th className="py-1 font-medium">Views</th>
              <th className="py-1 font-medium">Forks</th>
            </tr>
          </thead>
          <tbody>
            {[...stats.days].reverse().map((d) => (
              <tr key={d.day} className="border-t border-zinc-100">
                <td className="py-1">{d.day}</td>
                <td className="py-1">{d.views}</td>
                <td className="py-1">{d.forks}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}

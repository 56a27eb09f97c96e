import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import {
  getDiffSides,
  listVersionOptions,
  type DiffSideRow,
  type DiffSides,
} from "@/db/queries/diff";
import { languageInfo } from "@/domain/languages";
import { diffHref, type DiffState } from "@/components/diff/diff-href";
import { DiffBody } from "@/components/diff/diff-body";
import { parseSideRef, formatSideRef } from "@/domain/diff/side-ref";
import { DiffRangeForm, type RangeOption } from "@/components/diff/diff-range-form";
import { getViewer } from "@/lib/auth/viewer";
import { parseId } from "@/domain/ids";
import { versionNameWithIndex } from "@/domain/versions";

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * Both versions' code for this request, read once: generateMetadata and the page share it
 * (React's cache() dedupes by primitive arguments within one request).
 */
const loadSides = cache(
  async (
    id: string,
    fromRaw: string | undefined,
    toRaw: string | undefined,
  ): Promise<(DiffSides & { viewerId: string | null }) | null> => {
    const from = parseSideRef(fromRaw);
    const to = parseSideRef(toRaw);
    if (from === "invalid" || to === "invalid") return null;
    const viewer = await getViewer();
    const viewerId = viewer?.id ?? null;
    const sides = await getDiffSides({ artifactId: id, from, to, viewerId });
    return sides && { ...sides, viewerId };
  },
);

/** A repeated query parameter (?from=1&from=2) is malformed, like any other bad value. */
function param(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? "invalid" : v;
}

/** Everything the page needs, or notFound(): unknown, forbidden and malformed all look the same. */
async function load({ params, searchParams }: Props) {
  const [{ id: rawId }, sp] = await Promise.all([params, searchParams]);
  const id = parseId(rawId);
  if (!id) notFound();
  const found = await loadSides(id, param(sp.from), param(sp.to));
  if (!found) notFound();
  const { viewerId, ...sides } = found;
  const state: DiffState = {
    from: formatSideRef(sides.from, id),
    to: formatSideRef(sides.to, id),
    view: one(sp.view) === "split" ? "split" : "unified",
    ws: one(sp.ws) === "1",
    full: one(sp.full) === "1",
  };
  return { id, sides, state, viewerId };
}

function sideTitle(v: DiffSideRow, viewedId: string) {
  return v.artifactId === viewedId
    ? versionNameWithIndex(v)
    : `${versionNameWithIndex(v)} of “${v.artifactTitle}”`;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const [{ id: rawId }, sp] = await Promise.all([params, searchParams]);
  const id = parseId(rawId);
  const sides = id ? await loadSides(id, param(sp.from), param(sp.to)) : null;
  if (!sides) return { title: "Not found" };
  return {
    title: `${versionNameWithIndex(sides.from)} → ${versionNameWithIndex(sides.to)} · ${sides.artifact.title}`,
    description: `Changes between two versions of “${sides.artifact.title}” on Vitrine.`,
  };
}

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

export default async function DiffPage(props: Props) {
  const { id, sides, state, viewerId } = await load(props);
  const { artifact, from, to } = sides;
  const versions = await listVersionOptions({ artifactId: id, viewerId });

  const options: RangeOption[] = versions.map((v) => ({
    value: String(v.versionIndex),
    label: `${versionNameWithIndex(v)}${v.id === artifact.currentVersionId ? " (current)" : ""} — ${dateFormat.format(v.createdAt)}`,
  }));
  // Sides outside the capped list or in another artifact (upstream) still need to be selectable.
  for (const side of [from, to]) {
    const value = formatSideRef(side, id);
    if (!options.some((o) => o.value === value)) {
      options.push({
        value,
        label: `${sideTitle(side, id)} — ${dateFormat.format(side.createdAt)}`,
      });
    }
  }

  const same = from.id === to.id;
  return (
    <article className="space-y-5">
      <header className="space-y-2">
        <Link href={`/a/${id}`} className="text-brand-700 text-sm hover:underline">
          ← {artifact.title}
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight">
          {same
            ? "Compare versions"
            : `Changes from ${sideTitle(from, id)} to ${sideTitle(to, id)}`}
        </h1>
        <p className="text-sm text-zinc-600">
          {dateFormat.format(from.createdAt)} → {dateFormat.format(to.createdAt)}
          {to.summary && <span className="text-zinc-800"> · {to.summary}</span>}
        </p>
      </header>

      <DiffRangeForm artifactId={id} state={state} options={options} />

      {same ? (
        <p
          role="status"
          className="rounded-lg border border-zinc-200 bg-white px-4 py-6 text-center text-zinc-700"
        >
          These are the same version — nothing to compare. Pick two different versions above.
        </p>
      ) : (
        <DiffBody
          artifactId={id}
          state={state}
          from={from}
          to={to}
          language={languageInfo(to.codeLanguage).name}
          caption={`Changes from ${sideTitle(from, id)} to ${sideTitle(to, id)}, ${state.view} view`}
        />
      )}
      {!same && (
        <p className="text-xs text-zinc-500">
          Link to this diff:{" "}
          <Link
            href={diffHref(id, { ...state, full: false })}
            className="text-brand-700 break-all hover:underline"
          >
            {diffHref(id, { ...state, full: false })}
          </Link>
        </p>
      )}
    </article>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { EmbedView } from "@/components/embed/embed-view";
import { artifactUrl, parseEmbedTarget, parseEmbedTheme, type EmbedTarget } from "@/domain/embed";
import { loadEmbed } from "@/lib/embed/load";
import { appOrigin } from "@/lib/env";

// /embed/<id> and /embed/<id>?v=<n>: the live preview that any site may frame (proxy.ts relaxes
// frame-ancestors for this route only; the root layout drops the site chrome). Public artifacts only,
// whoever asks (lib/embed/load.ts): private, missing, deleted or an unknown version is a 404.

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The target named by the route, through the same parser as oEmbed's url; notFound() otherwise. */
const resolve = cache(async (id: string, v: string | string[] | undefined) => {
  const origin = appOrigin();
  const query = typeof v === "string" ? `?v=${encodeURIComponent(v)}` : "";
  if (v !== undefined && typeof v !== "string") notFound();
  const target = parseEmbedTarget(`${origin}/embed/${encodeURIComponent(id)}${query}`, origin);
  if (!target) notFound();
  const embed = await loadEmbed(target);
  if (!embed) notFound();
  return { target: target satisfies EmbedTarget, embed };
});

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const { embed } = await resolve(id, query.v);
  return { title: embed.data.artifact.title, robots: { index: false, follow: false } };
}

export default async function EmbedPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const { target, embed } = await resolve(id, query.v);
  return (
    <EmbedView
      embed={embed}
      theme={parseEmbedTheme(query.theme)}
      openUrl={artifactUrl(appOrigin(), target)}
      pinned={target.versionIndex !== undefined}
    />
  );
}

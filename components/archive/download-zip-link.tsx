// The artifact page's "Download .zip": every version the viewer may see, with vitrine.json
// (app/(public)/a/[id]/export.zip/route.ts). A plain link: works before JavaScript loads.
export function DownloadZipLink({ artifactId }: { artifactId: string }) {
  return (
    <a
      href={`/a/${artifactId}/export.zip`}
      download
      title="Every version with its metadata, as a Vitrine archive you can import"
      className="rounded-md border border-zinc-300 bg-white px-2.5 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-50"
    >
      Download .zip
    </a>
  );
}

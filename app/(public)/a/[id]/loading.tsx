export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading artifact" className="animate-pulse space-y-6">
      <div className="h-8 w-2/3 rounded bg-zinc-200" />
      <div className="h-4 w-1/3 rounded bg-zinc-200" />
      <div className="h-64 rounded-lg bg-zinc-200" />
    </div>
  );
}

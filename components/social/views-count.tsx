const format = new Intl.NumberFormat("en");

/** "12 views" with an eye; counted once per visitor per day (db/queries/views.ts). */
export function ViewsCount({ count, size = "sm" }: { count: number; size?: "sm" | "md" }) {
  return (
    <span
      title="Views (once per visitor per day)"
      className={`inline-flex items-center gap-1 tabular-nums ${size === "md" ? "text-sm text-zinc-600" : ""}`}
      data-testid="views-count"
    >
      <svg
        aria-hidden
        viewBox="0 0 24 24"
        className={size === "md" ? "size-4" : "size-3.5"}
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
      >
        <path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12z" />
        <circle cx="12" cy="12" r="3" />
      </svg>
      {format.format(count)}
      <span className={size === "md" ? "" : "sr-only"}>{count === 1 ? " view" : " views"}</span>
    </span>
  );
}

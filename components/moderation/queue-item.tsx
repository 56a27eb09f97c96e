import Link from "next/link";
import type { QueueItem as Item } from "@/db/queries/moderation-queue";
import { RelativeTime } from "@/components/ui/relative-time";
import { REPORT_REASON_LABELS } from "@/domain/validation/moderation-limits";
import { ModerationActionForm } from "./moderation-action-form";

/** One item of the moderation queue: what was reported, every open report, the appeal, the actions. */
export function QueueItem({ item }: { item: Item }) {
  const { artifact, comment } = item;
  return (
    <li
      className="space-y-4 rounded-lg border border-zinc-200 bg-white p-4 sm:p-5"
      data-testid="queue-item"
    >
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs font-medium text-zinc-700 uppercase">
          {comment ? "Comment" : "Artifact"}
        </span>
        <Link
          href={`/a/${artifact.id}`}
          className="min-w-0 font-semibold break-words hover:underline"
        >
          {artifact.title}
        </Link>
        <span className="text-sm text-zinc-600">
          by {artifact.ownerHandle ? `@${artifact.ownerHandle}` : "a deleted user"}
        </span>
        {artifact.hiddenAt && (
          <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">
            Hidden
          </span>
        )}
        <span className="ml-auto text-xs text-zinc-500">
          waiting since <RelativeTime date={new Date(item.since)} />
        </span>
      </div>
      {comment && (
        <blockquote className="rounded-md border-l-4 border-zinc-300 bg-zinc-50 px-3 py-2 text-sm break-words whitespace-pre-wrap text-zinc-800">
          <span className="mb-1 block text-xs text-zinc-500">
            {comment.authorHandle ? `@${comment.authorHandle}` : "A deleted user"} wrote:
          </span>
          {comment.body}
        </blockquote>
      )}
      {item.reports.length > 0 && (
        <div>
          <h3 className="mb-2 text-sm font-medium text-zinc-800">
            {item.reports.length === 1 ? "1 report" : `${item.reports.length} reports`}
          </h3>
          <ul className="space-y-2">
            {item.reports.map((report) => (
              <li key={report.id} className="text-sm text-zinc-700">
                <span className="font-medium text-zinc-900">
                  {REPORT_REASON_LABELS[report.reason]}
                </span>{" "}
                · {report.reporterHandle ? `@${report.reporterHandle}` : "a deleted user"} ·{" "}
                <RelativeTime date={new Date(report.createdAt)} />
                {report.body && (
                  <p className="mt-0.5 break-words whitespace-pre-wrap text-zinc-600">
                    {report.body}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {item.appeal && (
        <div className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-950">
          <span className="font-medium">Appeal from the owner</span> ·{" "}
          <RelativeTime date={new Date(item.appeal.createdAt)} />
          <p className="mt-0.5 break-words whitespace-pre-wrap">{item.appeal.body}</p>
        </div>
      )}
      <ModerationActionForm
        artifactId={artifact.id}
        commentId={comment?.id ?? null}
        hidden={Boolean(artifact.hiddenAt)}
      />
    </li>
  );
}

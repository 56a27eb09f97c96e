import type { ModerationNotice as Notice } from "@/db/queries/appeals";
import { RelativeTime } from "@/components/ui/relative-time";
import { AppealForm } from "./appeal-form";

/**
 * The banner on a hidden artifact's page. Only its owner and moderators ever get here (everyone
 * else gets the 404): the owner reads why and may appeal once; a moderator sees the same reason.
 */
export function ModerationNotice({ artifactId, notice }: { artifactId: string; notice: Notice }) {
  return (
    <section
      aria-labelledby="moderation-notice-title"
      className="mb-6 space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950"
      data-testid="moderation-notice"
    >
      <h2 id="moderation-notice-title" className="font-semibold">
        Hidden by a moderator <RelativeTime date={new Date(notice.hiddenAt)} />
      </h2>
      <p>
        Nobody but {notice.viewerIsOwner ? "you" : "its owner"} and the moderators can see this
        artifact: everyone else gets “not found”, as for a private one.
      </p>
      <p>
        <span className="font-medium">Reason:</span> {notice.reason}
      </p>
      {notice.appeal ? (
        <p>
          <span className="font-medium">
            {notice.viewerIsOwner ? "Your appeal" : "The owner’s appeal"}
            {notice.appeal.resolved ? " (answered)" : " (waiting for a moderator)"}:
          </span>{" "}
          {notice.appeal.body}
        </p>
      ) : (
        notice.canAppeal && <AppealForm artifactId={artifactId} />
      )}
    </section>
  );
}

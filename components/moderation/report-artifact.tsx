import { ReportButton } from "./report-button";

/**
 * "Report" under a public artifact, for signed-in people other than its owner. Private and hidden
 * artifacts cannot be reported (the action would say "not found" anyway).
 */
export function ReportArtifact({
  artifact,
  isOwner,
  signedIn,
}: {
  artifact: { id: string; visibility: string; hiddenAt: Date | null };
  isOwner: boolean;
  signedIn: boolean;
}) {
  if (!signedIn || isOwner || artifact.visibility !== "public" || artifact.hiddenAt) return null;
  return (
    <div>
      <ReportButton artifactId={artifact.id} />
    </div>
  );
}

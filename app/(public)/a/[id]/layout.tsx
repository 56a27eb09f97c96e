import { ModerationNotice } from "@/components/moderation/moderation-notice";
import { loadModerationNotice } from "@/lib/loaders/moderation";

// Every page of a hidden artifact (/a/<id>, its versions, diff, forks…) shows its owner — and
// moderators — why it is hidden, above the page. Everyone else never gets here: the pages answer 404.
export default async function ArtifactLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  const notice = await loadModerationNotice(id);
  return (
    <>
      {notice && <ModerationNotice artifactId={id.toLowerCase()} notice={notice} />}
      {children}
    </>
  );
}

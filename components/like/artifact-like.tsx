import { viewerLikes } from "@/db/queries/likes";
import { getViewer } from "@/lib/auth/viewer";
import { LikeButton } from "./like-button";

/** The heart on the artifact page: knows by itself who is looking and whether they like it. */
export async function ArtifactLike({ artifactId, count }: { artifactId: string; count: number }) {
  const viewer = await getViewer();
  const liked = await viewerLikes({ userId: viewer?.id ?? null, artifactId });
  return <LikeButton artifactId={artifactId} liked={liked} count={count} signedIn={Boolean(viewer?.id)} size="md" />;
}

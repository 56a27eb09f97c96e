import type { Metadata } from "next";
import { loadProfileBySegment } from "@/lib/loaders/social";
import { FollowListPage, type FollowListProps } from "../follow-list-page";

export async function generateMetadata({ params }: FollowListProps): Promise<Metadata> {
  const profile = await loadProfileBySegment((await params).handle);
  return profile
    ? { title: `Followers · @${profile.handle}`, robots: { index: false } }
    : { title: "Not found" };
}

export default function Page(props: FollowListProps) {
  return <FollowListPage direction="followers" {...props} />;
}

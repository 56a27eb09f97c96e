import Link from "next/link";
import { ViewsCount } from "@/components/social/views-count";
import type { GalleryCard as Card } from "@/db/queries/gallery";
import { LanguageBadge } from "@/components/artifact/language-badge";
import { Avatar } from "@/components/ui/avatar";
import { LikeButton } from "@/components/like/like-button";
import { CardTags } from "@/components/tags/tag-list";
import { Thumbnail, cardLoading, type ThumbnailLoading } from "./thumbnail";

export function GalleryCard({
  card,
  signedIn,
  loading = "lazy",
}: {
  card: Card;
  signedIn: boolean;
  loading?: ThumbnailLoading;
}) {
  return (
    <li
      className="group flex flex-col overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-sm transition hover:shadow-md"
      data-testid="gallery-card"
    >
      <Link
        href={`/a/${card.id}`}
        tabIndex={-1}
        aria-hidden
        className="block border-b border-zinc-100"
      >
        <Thumbnail
          artifactId={card.id}
          title={card.title}
          language={card.language}
          thumbVersion={card.thumbVersion}
          loading={loading}
        />
      </Link>
      <div className="flex flex-1 flex-col gap-2 p-3">
        <h2 className="line-clamp-2 leading-snug font-medium">
          <Link href={`/a/${card.id}`} className="hover:underline">
            {card.title}
          </Link>
        </h2>
        <CardTags tags={card.tags} />
        <div className="mt-auto flex items-center justify-between gap-2 text-xs text-zinc-600">
          {card.ownerHandle ? (
            <Link
              href={`/u/${card.ownerHandle}`}
              className="flex min-w-0 items-center gap-1.5 hover:text-zinc-900"
            >
              <Avatar src={card.ownerAvatarUrl} name={card.ownerHandle} size={20} />
              <span className="truncate">@{card.ownerHandle}</span>
            </Link>
          ) : (
            <span />
          )}
          <LanguageBadge language={card.language} />
        </div>
        <div className="flex items-center gap-3 text-xs text-zinc-600">
          <LikeButton
            artifactId={card.id}
            liked={card.likedByViewer}
            count={card.likesCount}
            signedIn={signedIn}
          />
          <span
            title="Forks"
            aria-label={`${card.forksCount} forks`}
            className="inline-flex items-center gap-1 tabular-nums"
          >
            <svg
              aria-hidden
              viewBox="0 0 24 24"
              className="size-3.5"
              fill="none"
              stroke="currentColor"
              strokeWidth={2}
            >
              <circle cx="6" cy="5" r="2" />
              <circle cx="18" cy="5" r="2" />
              <circle cx="12" cy="19" r="2" />
              <path d="M6 7v2a3 3 0 0 0 3 3h6a3 3 0 0 0 3-3V7M12 12v5" />
            </svg>
            {card.forksCount}
          </span>
          <span
            title="Comments"
            aria-label={`${card.commentsCount} comments`}
            className="inline-flex items-center gap-1 tabular-nums"
          >
            <svg
              aria-hidden
              viewBox="0 0 24 24"
              className="size-3.5"
              fill="none"
              stroke="currentColor"
              strokeWidth={2}
            >
              <path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1.1-4.6A8 8 0 1 1 21 12z" />
            </svg>
            {card.commentsCount}
          </span>
          <ViewsCount count={card.viewsCount} />
        </div>
      </div>
    </li>
  );
}

export function GalleryGridList({
  cards,
  signedIn,
  priorityCount = 0,
}: {
  cards: Card[];
  signedIn: boolean;
  priorityCount?: number;
}) {
  return (
    <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
      {cards.map((card, i) => (
        <GalleryCard
          key={card.id}
          card={card}
          signedIn={signedIn}
          loading={cardLoading(i, priorityCount)}
        />
      ))}
    </ul>
  );
}

import type { CommentsPage, CommentView } from "@/db/queries/comments";
import { markdownHtml } from "./html";

/** A comment as the comment list shows it: its Markdown already rendered, on the server. */
export type RenderedComment = CommentView & { bodyHtml: string };
export type RenderedCommentsPage = Omit<CommentsPage, "items"> & { items: RenderedComment[] };

/**
 * A page of comments with each body rendered (lib/markdown/html.ts), for the artifact page and the
 * comments JSON its "show more" fetches: the browser never parses Markdown.
 */
export function renderCommentsPage(page: CommentsPage): RenderedCommentsPage {
  return { ...page, items: page.items.map((c) => ({ ...c, bodyHtml: markdownHtml(c.body) })) };
}

// Likes and comments for the demo content, consistent with the counters: rows first, then
// likes_count / comments_count set from recounts and trending_score recomputed from the rows, all
// inside the demo seed's transaction. Deterministic (choices derived from ids), like the rest of it.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "./client";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

const COMMENTS = [
  "This is lovely — the details in the animation are great.",
  "Forked it to try a **dark theme**, works nicely.",
  "How did you get it this smooth? Would love a short write-up.",
  "Tiny nit: on a phone the controls overlap a bit. Otherwise 👌",
  "Bookmarked. The code is surprisingly short for what it does.",
  "Used this in a workshop today, people loved it.",
  "Is there a way to pause it? `Space` maybe?",
  "Nice! See also [MDN on requestAnimationFrame](https://developer.mozilla.org/docs/Web/API/window/requestAnimationFrame).",
];

/** A stable number in [0, 1) from a string. */
function unit(key: string): number {
  return createHash("sha256").update(key).digest().readUInt32BE(0) / 2 ** 32;
}

export async function seedSocial(tx: Tx, now: Date): Promise<{ likes: number; comments: number }> {
  const people = (await tx.execute(sql`select user_id from profiles order by handle`)).rows as {
    user_id: string;
  }[];
  const works = (
    await tx.execute(
      sql`select id, owner_user_id, created_at, current_version_id from artifacts where visibility = 'public' order by created_at`,
    )
  ).rows as {
    id: string;
    owner_user_id: string;
    created_at: string | Date;
    current_version_id: string | null;
  }[];

  const likeRows: { user_id: string; artifact_id: string; created_at: Date }[] = [];
  const commentRows: {
    artifact_id: string;
    author_user_id: string;
    version_id: string | null;
    body: string;
    created_at: Date;
  }[] = [];
  for (const work of works) {
    const start = new Date(work.created_at).getTime();
    const span = Math.max(60_000, now.getTime() - start);
    // Some artifacts are popular, most are not: a skewed share of people like each one.
    const appeal = unit(`appeal:${work.id}`) ** 2;
    for (const person of people) {
      if (person.user_id === work.owner_user_id) continue;
      if (unit(`like:${work.id}:${person.user_id}`) < appeal) {
        likeRows.push({
          user_id: person.user_id,
          artifact_id: work.id,
          created_at: new Date(start + unit(`like-at:${work.id}:${person.user_id}`) * span),
        });
      }
    }
    const commentCount = Math.floor(unit(`comments:${work.id}`) * 4) - 1; // 0–2, a quarter have none
    const firstBody = Math.floor(unit(`body:${work.id}`) * COMMENTS.length);
    for (let i = 0; i < commentCount; i++) {
      const author = people[Math.floor(unit(`author:${work.id}:${i}`) * people.length)]!;
      commentRows.push({
        artifact_id: work.id,
        author_user_id: author.user_id,
        version_id: work.current_version_id,
        body: COMMENTS[(firstBody + i * 3) % COMMENTS.length]!,
        created_at: new Date(start + (0.3 + 0.7 * unit(`comment-at:${work.id}:${i}`)) * span),
      });
    }
  }

  if (likeRows.length) {
    await tx.execute(sql`
      insert into likes (user_id, artifact_id, created_at)
      select * from jsonb_to_recordset(${JSON.stringify(likeRows)}::jsonb) as t(user_id uuid, artifact_id uuid, created_at timestamptz)
      on conflict do nothing`);
  }
  if (commentRows.length) {
    await tx.execute(sql`
      insert into comments (artifact_id, author_user_id, version_id, body, created_at)
      select * from jsonb_to_recordset(${JSON.stringify(commentRows)}::jsonb)
        as t(artifact_id uuid, author_user_id uuid, version_id uuid, body text, created_at timestamptz)`);
  }
  // Counters from recounts, and the trending score from the rows (see 004_create_social.sql).
  await tx.execute(sql`
    update artifacts a set
      likes_count = (select count(*) from likes l where l.artifact_id = a.id),
      comments_count = (select count(*) from comments c where c.artifact_id = a.id),
      trending_score = coalesce((select sum(vitrine_trend_weight(l.created_at)) from likes l where l.artifact_id = a.id), 0)
        + coalesce((select 2 * sum(vitrine_trend_weight(f.created_at)) from artifacts f where f.forked_from_id = a.id), 0)`);
  return { likes: likeRows.length, comments: commentRows.length };
}

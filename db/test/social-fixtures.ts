// Test data for the social tests (likes, comments, gallery): real rows through Drizzle.
import { sql } from "drizzle-orm";
import { db } from "@/db/index";
import { artifactVersions, artifacts, profiles, users } from "@/db/schema";

let counter = 0;

export async function makeUsers(n: number, prefix = "u"): Promise<string[]> {
  const run = `${prefix}${++counter}`;
  const rows = await db
    .insert(users)
    .values(Array.from({ length: n }, (_, i) => ({ email: `${run}-${i}@example.test` })))
    .returning({ id: users.id });
  await db
    .insert(profiles)
    .values(
      rows.map((r, i) => ({ userId: r.id, handle: `${run}-${i}`.toLowerCase().slice(0, 30) })),
    );
  return rows.map((r) => r.id);
}

export async function makeArtifact(opts: {
  ownerUserId: string;
  title?: string;
  description?: string | null;
  visibility?: "public" | "private";
  language?: string;
  createdAt?: Date;
  likesCount?: number;
  forksCount?: number;
}): Promise<{ id: string; versionId: string }> {
  const id = crypto.randomUUID();
  await db.insert(artifacts).values({
    id,
    ownerUserId: opts.ownerUserId,
    title: opts.title ?? "Untitled",
    description: opts.description ?? null,
    visibility: opts.visibility ?? "public",
    createdAt: opts.createdAt ?? new Date(),
    likesCount: opts.likesCount ?? 0,
    forksCount: opts.forksCount ?? 0,
  });
  const versionId = crypto.randomUUID();
  await db.insert(artifactVersions).values({
    id: versionId,
    artifactId: id,
    versionIndex: 1,
    codeBlobRef: "sha256:00",
    codeLanguage: opts.language ?? "html",
    codeContent: "<h1>hello</h1>",
  });
  await db.execute(sql`update artifacts set current_version_id = ${versionId} where id = ${id}`);
  return { id, versionId };
}

export async function counts(artifactId: string) {
  const result = await db.execute(sql`
    select likes_count, comments_count,
      (select count(*) from likes where artifact_id = a.id)::int as likes,
      (select count(*) from comments where artifact_id = a.id)::int as comments
    from artifacts a where id = ${artifactId}`);
  return result.rows[0] as {
    likes_count: number;
    comments_count: number;
    likes: number;
    comments: number;
  };
}

import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { test as base, expect, type Page } from "@playwright/test";
import pg from "pg";

// Every demo user signs in with this password (db/seed.ts); the README says so too.
export const DEMO_PASSWORD = "vitrine-demo-password";

export const PREVIEW_URL = process.env.E2E_PREVIEW_URL ?? "http://127.0.0.1:3000";

/** Direct database reads for assertions ("nothing changed") — the app under test writes, we only look. */
export async function query<T extends pg.QueryResultRow = Record<string, unknown>>(
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

export const test = base;
export { expect };

/** A fresh user with a profile, made directly in the database (sign-up itself is tested in auth.spec.ts). */
export async function createUser(prefix: string, password = DEMO_PASSWORD) {
  const { hashPassword } = await import("../lib/auth/password");
  const suffix = Math.random().toString(36).slice(2, 8);
  const handle = `${prefix}-${suffix}`.slice(0, 30);
  const email = `${handle}@example.test`;
  const [user] = await query<{ id: string }>(
    "insert into users (email, password_hash) values ($1, $2) returning id",
    [email, await hashPassword(password)],
  );
  await query("insert into profiles (user_id, handle) values ($1, $2)", [user!.id, handle]);
  return { id: user!.id, handle, email, password };
}

/** Sets the counters (likes, forks, trending score) of these artifacts from the rows behind them. */
async function recountArtifacts(ids: string[]) {
  await query(
    `update artifacts a set
       likes_count = (select count(*) from likes l where l.artifact_id = a.id),
       forks_count = (select count(*) from artifacts f where f.forked_from_id = a.id),
       trending_score = coalesce((select sum(vitrine_trend_weight(l.created_at)) from likes l where l.artifact_id = a.id), 0)
         + coalesce((select 2 * sum(vitrine_trend_weight(f.created_at)) from artifacts f where f.forked_from_id = a.id), 0)
     where a.id = any($1::uuid[])`,
    [ids],
  );
}

/** An artifact with one version, inserted directly, its counters backed by real rows (for specs that need data another feature creates). */
export async function insertArtifact(
  ownerId: string,
  {
    title,
    visibility,
    forkedFromId = null,
    likes = 0,
  }: {
    title: string;
    visibility: "public" | "private";
    forkedFromId?: string | null;
    likes?: number;
  },
) {
  const [artifact] = await query<{ id: string }>(
    `insert into artifacts (owner_user_id, title, visibility, forked_from_id, forked_from_version_label)
     values ($1, $2, $3, $4, $5) returning id`,
    [ownerId, title, visibility, forkedFromId, forkedFromId ? "v1" : null],
  );
  const code = `<h1>${title}</h1>`;
  const [version] = await query<{ id: string }>(
    `insert into artifact_versions (artifact_id, version_index, code_blob_ref, code_language, code_content)
     values ($1, 1, 'sha256:' || encode(sha256(convert_to($2, 'UTF8')), 'hex'), 'html', $2) returning id`,
    [artifact!.id, code],
  );
  await query("update artifacts set current_version_id = $1 where id = $2", [
    version!.id,
    artifact!.id,
  ]);
  if (likes > 0) {
    // Real like rows from real (password-less) users: the counter is derived from them below.
    await query(
      `with likers as (
         insert into users (email) select 'liker-' || gen_random_uuid() || '@example.test' from generate_series(1, $2::int)
         returning id)
       insert into likes (user_id, artifact_id) select id, $1 from likers`,
      [artifact!.id, likes],
    );
  }
  await recountArtifacts([artifact!.id, forkedFromId].filter((id): id is string => id !== null));
  return { id: artifact!.id, versionId: version!.id };
}

/** `npm run vitrine -- role grant --handle <h> moderator`, on the suite's database. */
export async function grantModerator(handle: string) {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      "--import",
      "tsx",
      "--conditions=react-server",
      "scripts/vitrine.ts",
      "role",
      "grant",
      "--handle",
      handle,
      "moderator",
    ],
    { env: process.env, timeout: 60_000 },
  );
  expect(stdout).toContain(`@${handle} is now a moderator.`);
}

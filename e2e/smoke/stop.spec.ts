import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { groupPids } from "./processes";

// A stop during a publish, on the production roles started by e2e/smoke/run.ts (after
// roles.spec.ts): web 2 is told to stop (SIGTERM) while it holds a publish inside its transaction —
// held at a known point by locking the version table, so the signal lands mid-transaction every
// time, not by luck of timing. (A database restart mid-publish is db/queries/outage.test.ts.)

const WEB1 = process.env.SMOKE_WEB1!;
const WEB2 = process.env.SMOKE_WEB2!;
const WEB2_PGID = Number(process.env.SMOKE_WEB2_PGID);
const DATABASE_URL = process.env.DATABASE_URL!;
const PASSWORD = "smoke-test-password";

async function query<T extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function countByTitle(title: string) {
  const [row] = await query<{ artifacts: number; versions: number }>(
    `select (select count(*)::int from artifacts where title = $1) as artifacts,
            (select count(*)::int from artifact_versions v join artifacts a on a.id = v.artifact_id
              where a.title = $1) as versions`,
    [title],
  );
  return row!;
}

/** Locks the version table in a transaction of its own: publishes wait between their two inserts. */
async function holdVersions(): Promise<{ release: () => Promise<void> }> {
  const holder = new pg.Client({ connectionString: DATABASE_URL });
  holder.on("error", () => {}); // a restart ends this connection too
  await holder.connect();
  await holder.query("begin");
  await holder.query("lock table artifact_versions in exclusive mode");
  return {
    release: async () => {
      await holder.query("rollback").catch(() => {});
      await holder.end().catch(() => {});
    },
  };
}

/** Resolves once a web process's publish is waiting for the held lock, inside its transaction. */
async function publishIsWaiting() {
  await expect
    .poll(
      async () =>
        (
          await query<{ n: number }>(
            `select count(*)::int n from pg_stat_activity
              where application_name = 'vitrine' and wait_event_type = 'Lock'`,
          )
        )[0]!.n,
      { timeout: 30_000, intervals: [100] },
    )
    .toBe(1);
}

async function fillPublishForm(page: Page, origin: string, title: string) {
  await page.goto(`${origin}/new`);
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Language").selectOption("html");
  const editor = page.getByTestId("code-editor").locator(".cm-content");
  await expect(editor).toBeVisible();
  await editor.fill(`<p>${title}</p>`);
  await page.getByLabel("Public", { exact: true }).check();
}

const handle = `stop${Date.now().toString(36)}`;

test("SIGTERM during a publish: web 2 finishes the publish it holds, then exits", async ({
  page,
}) => {
  // Signed up on web 1; the session cookie is valid on web 2 (same site, shared secret).
  await page.goto(`${WEB1}/signup`);
  await page.getByLabel("Email").fill(`${handle}@example.test`);
  await page.getByLabel("Handle").fill(handle);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).not.toHaveURL(/\/signup/);

  const title = `Stopping ${handle}`;
  await fillPublishForm(page, WEB2, title);
  const held = await holdVersions();
  try {
    await page.getByRole("button", { name: "Publish" }).click();
    await publishIsWaiting();
    process.kill(-WEB2_PGID, "SIGTERM");
    // Web 2 is stopping; its publish is still inside the transaction. Let it go on.
    await new Promise((r) => setTimeout(r, 1000));
  } finally {
    await held.release();
  }

  // The publish it held was finished, whole, before the process went away.
  await expect
    .poll(() => countByTitle(title), { timeout: 10_000 })
    .toEqual({
      artifacts: 1,
      versions: 1,
    });
  // It exits on its own (lib/runner.ts kills a Next.js still busy after 9 s, so it cannot hang).
  await expect.poll(() => groupPids(WEB2_PGID).length, { timeout: 30_000 }).toBe(0);
  // The site goes on through web 1, which serves the artifact web 2 wrote.
  const [row] = await query<{ id: string }>("select id from artifacts where title = $1", [title]);
  expect((await page.request.get(`${WEB1}/a/${row!.id}`)).status()).toBe(200);
});

import { createUser, query } from "./fixtures";
import {
  Api,
  anonymous,
  expect,
  pageAs,
  prime,
  read,
  test,
  tokenFor,
  unique,
} from "./page-cache-helpers";

// The rest of the writes that change a public page (e2e/page-cache.spec.ts has likes, comments,
// versions, forks, settings, visibility, deletion, profile edits and moderation): each primes the
// shared page cache, writes the way a user does, and the very next anonymous request shows it.

const BASE = process.env.E2E_BASE_URL ?? "http://localhost:3000";

async function owner(prefix: string) {
  const person = await createUser(prefix);
  const anon = await anonymous(BASE);
  return { person, anon, api: new Api(anon, await tokenFor(person.id)) };
}

/** "N followers" as the profile header shows it. */
function followers(html: string): number {
  const text = html.replace(/<!--.*?-->/g, "");
  const match = /<span[^>]*>(\d+)<\/span>\s*followers?\b/.exec(text);
  return Number(match?.[1] ?? NaN);
}

test.describe.configure({ mode: "parallel" });

test("a follow and an unfollow show on the profile's follower count", async ({ browser }) => {
  const { person: maker, anon } = await owner("pcw-maker");
  const fan = await createUser("pcw-fan");
  expect(followers((await prime(anon, `/u/${maker.handle}`)).text)).toBe(0);
  await prime(anon, `/u/${maker.handle}/followers`);
  const page = await pageAs(browser, BASE, fan);
  await page.goto(`/u/${maker.handle}`);
  const follow = page.getByTestId("follow-button");
  await follow.click();
  await expect(follow).toHaveAttribute("aria-pressed", "true");
  expect(followers((await read(anon, `/u/${maker.handle}`)).text)).toBe(1);
  expect((await read(anon, `/u/${maker.handle}/followers`)).text).toContain(
    `href="/u/${fan.handle}"`,
  );
  await prime(anon, `/u/${maker.handle}`);
  await follow.click();
  await expect(follow).toHaveAttribute("aria-pressed", "false");
  expect(followers((await read(anon, `/u/${maker.handle}`)).text)).toBe(0);
  await page.context().close();
});

test("a deleted comment is gone on the next request", async ({ browser }) => {
  const { person, api, anon } = await owner("pcw-comment");
  const id = await api.publish(unique("Commented"));
  const body = unique("Delete me");
  await api.call("POST", `/artifacts/${id}/comments`, { body });
  expect((await prime(anon, `/a/${id}`)).text).toContain(body);
  const page = await pageAs(browser, BASE, person);
  await page.goto(`/a/${id}`);
  const comment = page.getByTestId("comment").filter({ hasText: body });
  await comment.getByRole("button", { name: "Delete" }).click();
  await expect(comment).toHaveCount(0);
  expect((await read(anon, `/a/${id}`)).text).not.toContain(body);
  await page.context().close();
});

test("new tags move an artifact from one tag page to the other", async ({ browser }) => {
  const { person, api, anon } = await owner("pcw-tags");
  const title = unique("Tagged");
  const id = await api.publish(title);
  const stamp = Date.now().toString(36);
  const [before, after] = [`pcw${stamp}a`, `pcw${stamp}b`];
  const page = await pageAs(browser, BASE, person);
  async function tag(value: string) {
    await page.goto(`/a/${id}/settings`);
    await page.getByLabel("Tags").fill(value);
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect
      .poll(async () => (await query("select tags from artifacts where id = $1", [id]))[0])
      .toEqual({ tags: [value] });
  }
  await tag(before);
  expect((await prime(anon, `/t/${before}`)).text).toContain(title);
  expect((await prime(anon, `/t/${after}`)).text).not.toContain(title);
  await tag(after);
  expect((await read(anon, `/t/${before}`)).text).not.toContain(title);
  expect((await read(anon, `/t/${after}`)).text).toContain(title);
  await page.context().close();
});

test("a sync from upstream and a restored version show on the fork's pages", async () => {
  const { api: upstream, anon } = await owner("pcw-up");
  const parentId = await upstream.publish(unique("Upstream"));
  const { api: forker } = await owner("pcw-forker");
  const forkId = String(
    (await forker.call("POST", `/artifacts/${parentId}/forks`, {
      title: unique("Downstream"),
      visibility: "public",
    }))!.id,
  );
  const label = unique("upstream-v2").replace(" ", "-");
  await upstream.call("POST", `/artifacts/${parentId}/versions`, {
    parentVersion: 1,
    code: "<h1>upstream two</h1>",
    label,
  });
  await prime(anon, `/a/${forkId}`);
  await prime(anon, `/a/${forkId}/versions`);
  const synced = await forker.call("POST", `/artifacts/${forkId}/sync`, {
    sourceId: parentId,
    sourceVersion: 2,
  });
  expect((await read(anon, `/a/${forkId}/versions`)).text).toContain(`v${synced!.version}`);
  expect((await read(anon, `/a/${forkId}`)).text).toContain("upstream two");
  await prime(anon, `/a/${forkId}`);
  const restored = await forker.call("POST", `/artifacts/${forkId}/versions/1/restore`, {});
  const page = await read(anon, `/a/${forkId}/versions`);
  expect(page.cache).toBe("miss");
  expect(page.text).toContain(`v${restored!.version}`);
});

test("a deleted account: its profile and artifacts 404, gone from explore", async ({ browser }) => {
  const { person, api, anon } = await owner("pcw-gone");
  const title = unique("Soon gone");
  const id = await api.publish(title);
  await prime(anon, `/u/${person.handle}`);
  await prime(anon, `/a/${id}`);
  expect((await prime(anon, "/")).text).toContain(title);
  const page = await pageAs(browser, BASE, person);
  await page.goto("/settings/account");
  await page.getByLabel(`Type ${person.handle} to confirm`).fill(person.handle);
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/$/);
  expect((await read(anon, `/u/${person.handle}`)).status).toBe(404);
  expect((await read(anon, `/a/${id}`)).status).toBe(404);
  expect((await read(anon, "/")).text).not.toContain(title);
  await page.context().close();
});

test("a new public artifact is in its sitemap chunk on the next request; made private, it is gone", async () => {
  const { api, anon } = await owner("pcw-sitemap");
  const id = await api.publish(unique("Mapped"));
  const index = (await read(anon, "/sitemap.xml")).text;
  const chunk = [...index.matchAll(/\/sitemaps\/(a-[0-9a-f]+)\.xml/g)]
    .map((m) => m[1]!)
    .find((c) => id.startsWith(c.slice(2)));
  expect(chunk, `a chunk for ${id} in ${index}`).toBeDefined();
  const path = `/sitemaps/${chunk}.xml`;
  expect((await prime(anon, path)).text).toContain(`/a/${id}`);
  await api.call("PATCH", `/artifacts/${id}`, { visibility: "private" });
  const after = await read(anon, path);
  expect(after.cache).toBe("miss");
  expect(after.text).not.toContain(`/a/${id}`);
});

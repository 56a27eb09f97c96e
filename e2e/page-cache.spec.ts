import type { Page } from "@playwright/test";
import { createUser, grantModerator, query } from "./fixtures";
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

// The shared page cache (lib/page-cache, README "Fast public pages"): anonymous public pages come from the
// cache, and every write that changes one shows on the very next anonymous request after it commits.
// Each test primes the cache (a second anonymous request is a hit), writes through the API or the UI,
// and reads once more.

const BASE = process.env.E2E_BASE_URL ?? "http://localhost:3000";

async function setup(prefix: string) {
  const owner = await createUser(prefix);
  const api = new Api(await anonymous(BASE), await tokenFor(owner.id));
  const title = unique("Cached");
  const id = await api.publish(title);
  return { owner, api, title, id, anon: await anonymous(BASE) };
}

/** The count shown by the artifact's own like button (the first one in the page's main column). */
function likeCount(html: string): number {
  const main = html.slice(html.indexOf('id="main"'));
  const start = main.indexOf('data-testid="like-button"');
  const end = main.indexOf("</a>", start);
  const text = main.slice(start, end).replace(/<[^>]*>/g, " ");
  return Number(/(\d+)/.exec(text.slice(text.indexOf(">") + 1))?.[1] ?? NaN);
}

test.describe.configure({ mode: "parallel" });

test("a like and an unlike show on the next anonymous request", async () => {
  const { id, anon } = await setup("pc-like");
  const fan = await createUser("pc-fan");
  const fanApi = new Api(anon, await tokenFor(fan.id));
  expect(likeCount((await prime(anon, `/a/${id}`)).text)).toBe(0);
  await fanApi.call("PUT", `/artifacts/${id}/like`);
  const liked = await read(anon, `/a/${id}`);
  expect(liked.cache).toBe("miss");
  expect(likeCount(liked.text)).toBe(1);
  expect(likeCount((await prime(anon, `/a/${id}`)).text)).toBe(1);
  await fanApi.call("DELETE", `/artifacts/${id}/like`);
  expect(likeCount((await read(anon, `/a/${id}`)).text)).toBe(0);
});

test("a comment and a new version show on the next request", async () => {
  const { id, api, anon } = await setup("pc-comment");
  await prime(anon, `/a/${id}`);
  await prime(anon, `/a/${id}/versions`);
  const body = unique("First!");
  await api.call("POST", `/artifacts/${id}/comments`, { body });
  expect((await read(anon, `/a/${id}`)).text).toContain(body);
  await prime(anon, `/a/${id}`);
  const label = unique("lbl").replace(" ", "-");
  await api.call("POST", `/artifacts/${id}/versions`, {
    parentVersion: 1,
    code: "<h1>two</h1>",
    label,
  });
  expect((await read(anon, `/a/${id}`)).text).toContain(label);
  expect((await read(anon, `/a/${id}/versions`)).text).toContain(label);
});

test("a fork shows on the parent's page and its forks page", async () => {
  const { id, anon } = await setup("pc-fork");
  const forker = await createUser("pc-forker");
  const forkerApi = new Api(anon, await tokenFor(forker.id));
  await prime(anon, `/a/${id}`);
  await prime(anon, `/a/${id}/forks`);
  const forkTitle = unique("Fork of cached");
  await forkerApi.call("POST", `/artifacts/${id}/forks`, {
    title: forkTitle,
    visibility: "public",
  });
  expect((await read(anon, `/a/${id}/forks`)).text).toContain(forkTitle);
  expect((await read(anon, `/a/${id}`)).cache).toBe("miss");
});

test("settings (title, description) show on the artifact page and explore", async () => {
  const { id, api, anon } = await setup("pc-settings");
  await prime(anon, `/a/${id}`);
  await prime(anon, "/");
  const title = unique("Renamed");
  const description = unique("A new description");
  await api.call("PATCH", `/artifacts/${id}`, { title, description });
  const page = await read(anon, `/a/${id}`);
  expect(page.text).toContain(title);
  expect(page.text).toContain(description);
  expect((await read(anon, "/")).text).toContain(title);
});

test("made private: 404 on the next request, gone from the profile and explore", async () => {
  const { id, api, anon, title, owner } = await setup("pc-private");
  for (const path of [`/u/${owner.handle}`, "/"])
    expect((await prime(anon, path)).text).toContain(title);
  await prime(anon, `/a/${id}`);
  await api.call("PATCH", `/artifacts/${id}`, { visibility: "private" });
  expect((await read(anon, `/a/${id}`)).status).toBe(404);
  expect((await read(anon, `/u/${owner.handle}`)).text).not.toContain(title);
  expect((await read(anon, "/")).text).not.toContain(title);
});

test("deleted: 404 on the next request", async () => {
  const { id, api, anon } = await setup("pc-delete");
  await prime(anon, `/a/${id}`);
  await prime(anon, `/embed/${id}`);
  await api.call("DELETE", `/artifacts/${id}`);
  expect((await read(anon, `/a/${id}`)).status).toBe(404);
  expect((await read(anon, `/embed/${id}`)).status).toBe(404);
});

test("a profile edit shows on the artifact page and explore", async ({ browser }) => {
  const { id, anon, owner } = await setup("pc-profile");
  await prime(anon, `/a/${id}`);
  await prime(anon, "/");
  const name = unique("Ada Cache");
  const page = await pageAs(browser, BASE, owner);
  await page.goto("/settings/profile");
  await page.getByLabel("Display name").fill(name);
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect
    .poll(
      async () =>
        (await query("select display_name from profiles where user_id = $1", [owner.id]))[0],
    )
    .toEqual({ display_name: name });
  expect((await read(anon, `/a/${id}`)).text).toContain(name);
  expect((await read(anon, "/")).text).toContain(name);
  await page.context().close();
});

test("hidden by a moderator: 404 on the next request", async ({ browser }) => {
  test.setTimeout(120_000);
  const { id, anon, title } = await setup("pc-hide");
  const [moderator, reporter] = [await createUser("pc-mod"), await createUser("pc-rep")];
  await grantModerator(moderator.handle);
  await query(
    "insert into reports (reporter_user_id, artifact_id, reason, body) values ($1, $2, 'spam', 'cache test')",
    [reporter.id, id],
  );
  await prime(anon, `/a/${id}`);
  const mod = await pageAs(browser, BASE, moderator);
  await mod.goto("/moderation");
  const item = mod.getByTestId("queue-item").filter({ hasText: title });
  await item.getByLabel(/Reason/).fill("Spam.");
  await item.getByRole("button", { name: "Hide artifact" }).click();
  await expect(mod.getByText(/^Hidden\. Only its owner/)).toBeVisible();
  expect((await read(anon, `/a/${id}`)).status).toBe(404);
  await mod.context().close();
});

test("signed-in requests bypass the cache: the owner sees their private artifact, a fan their like", async ({
  browser,
}) => {
  const { id, api, anon, owner } = await setup("pc-signed");
  const fan = await createUser("pc-fan2");
  await new Api(anon, await tokenFor(fan.id)).call("PUT", `/artifacts/${id}/like`);
  await prime(anon, `/a/${id}`);
  const fanPage = await pageAs(browser, BASE, fan);
  const res = await fanPage.goto(`/a/${id}`);
  expect(res!.headers()["x-vitrine-cache"]).toBe("bypass");
  await expect(fanPage.locator("#main").getByTestId("like-button").first()).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await api.call("PATCH", `/artifacts/${id}`, { visibility: "private" });
  const ownerPage = await pageAs(browser, BASE, owner);
  expect((await ownerPage.goto(`/a/${id}`))!.status()).toBe(200);
  expect((await read(anon, `/a/${id}`)).status).toBe(404);
  await fanPage.context().close();
  await ownerPage.context().close();
});

test("a cached page runs with its hash CSP: no violation, hydrated, and counts a view", async ({
  browser,
}) => {
  const { id, anon } = await setup("pc-csp");
  const hit = await prime(anon, `/a/${id}`);
  expect(hit.csp).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
  expect(hit.csp).not.toMatch(/nonce|strict-dynamic|unsafe-inline'[^;]*;[^;]*script/);
  expect(hit.text).not.toMatch(/\snonce=/);
  console.log(`CSP header of a cached artifact page: ${hit.csp.length} bytes`);

  // Violations a page reports, from the browser's own securitypolicyviolation events.
  async function watched(sessionCookie: boolean) {
    // A visitor of its own (views count once per visitor per day).
    const agent = `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.${Math.floor(Math.random() * 1e6)}.0 Safari/537.36`;
    const page: Page = await pageAs(browser, BASE, null, agent);
    if (sessionCookie)
      await page.context().addCookies([{ name: "authjs.session-token", value: "x", url: BASE }]);
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.addInitScript(() =>
      document.addEventListener("securitypolicyviolation", (e) =>
        console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
      ),
    );
    return { page, violations };
  }
  // The same page rendered per request (a session cookie that signs no one in bypasses the cache):
  // whatever it reports with its nonce CSP (zod's eval probe in the client bundle reports
  // "script-src eval" there too) is the baseline; the cached page must report nothing more.
  const baseline = await watched(true);
  const normal = await baseline.page.goto(`/a/${id}`);
  expect(normal!.headers()["x-vitrine-cache"]).toBe("bypass");
  await baseline.page.waitForLoadState("networkidle");
  await baseline.page.context().close();
  const { page, violations } = await watched(false);
  const views = async () =>
    Number(
      (
        await query<{ n: number }>(
          "select count(*)::int n from artifact_views where artifact_id = $1",
          [id],
        )
      )[0]!.n,
    );
  const before = await views();
  const res = await page.goto(`/a/${id}`);
  expect(res!.headers()["x-vitrine-cache"]).toBe("hit");
  await expect.poll(views).toBe(before + 1); // the hit counted the browser's view
  // Hydrated: the Versions menu opens, and the like link navigates client-side (the window survives).
  await page.locator("summary", { hasText: "Versions" }).click();
  await expect(page.getByRole("link", { name: /v1/ }).first()).toBeVisible();
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
  await page.locator("#main").getByTestId("like-button").first().click();
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
  await page.waitForLoadState("networkidle");
  console.log(
    `CSP reports: per-request render ${JSON.stringify(baseline.violations)}, cached ${JSON.stringify(violations)}`,
  );
  expect(violations.filter((v) => !baseline.violations.includes(v))).toEqual([]);
  expect(violations.filter((v) => !/script-src eval/.test(v))).toEqual([]);
  await page.context().close();
});

test("a hit revalidates to 304 by its ETag, and a changed page does not", async () => {
  const { id, api, anon } = await setup("pc-etag");
  await prime(anon, `/a/${id}`);
  const hit = await anon.get(`/a/${id}`);
  const etag = hit.headers()["etag"]!;
  expect(etag).toMatch(/^"[^"]+"$/);
  const again = await anon.get(`/a/${id}`, { headers: { "if-none-match": etag } });
  expect(again.status()).toBe(304);
  await api.call("PATCH", `/artifacts/${id}`, { title: unique("Retitled") });
  const changed = await anon.get(`/a/${id}`, { headers: { "if-none-match": etag } });
  expect(changed.status()).toBe(200);
  expect(changed.headers()["etag"]).not.toBe(etag);
});

// The pages `npm run screens` photographs, and how: who is signed in, what to wait for.
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import pg from "pg";
import { DEMO_PASSWORD, demoEmail } from "@/db/seed";

export const WIDTHS = [1280, 390] as const;
export const SCHEMES = ["light", "dark"] as const;
const MAX_HEIGHT = 1800;

type Fixtures = { owner: string; artifact: string; fork: string; versions: number };

type ScreenPage = {
  name: string;
  /** Signed in as the demo owner of `artifact` (otherwise signed out). */
  signedIn: boolean;
  path: (f: Fixtures) => string;
  /** Brings the page to the state worth seeing (e.g. a template picked, the preview drawn). */
  prepare?: (page: Page) => Promise<void>;
};

const waitForPreview = async (page: Page) => {
  const frame = page.getByTestId("live-preview").frameLocator("iframe");
  await frame
    .locator("body *")
    .first()
    .waitFor({ timeout: 30_000 })
    .catch(() => {});
};

export const SCREEN_PAGES: ScreenPage[] = [
  { name: "explore", signedIn: false, path: () => "/" },
  { name: "artifact", signedIn: false, path: (f) => `/a/${f.artifact}` },
  { name: "artifact-owner", signedIn: true, path: (f) => `/a/${f.artifact}` },
  { name: "versions", signedIn: false, path: (f) => `/a/${f.artifact}/versions` },
  { name: "diff", signedIn: false, path: (f) => `/a/${f.artifact}/diff?from=1&to=${f.versions}` },
  { name: "forks", signedIn: false, path: (f) => `/a/${f.artifact}/forks` },
  { name: "fork-page", signedIn: false, path: (f) => `/a/${f.fork}` },
  { name: "profile", signedIn: false, path: (f) => `/u/${f.owner}` },
  {
    name: "new",
    signedIn: true,
    path: () => "/new",
    prepare: async (page) => {
      await page.getByTestId("templates").getByRole("button").first().click();
      await waitForPreview(page);
    },
  },
  { name: "edit", signedIn: true, path: (f) => `/a/${f.artifact}/edit`, prepare: waitForPreview },
  { name: "artifact-settings", signedIn: true, path: (f) => `/a/${f.artifact}/settings` },
  { name: "settings-profile", signedIn: true, path: () => "/settings/profile" },
  { name: "settings-account", signedIn: true, path: () => "/settings/account" },
  { name: "start", signedIn: true, path: () => "/start" },
  { name: "login", signedIn: false, path: () => "/login" },
  { name: "signup", signedIn: false, path: () => "/signup" },
  {
    name: "signup-refused",
    signedIn: false,
    path: () => "/signup",
    prepare: async (page) => {
      await page.getByRole("button", { name: "Create account" }).click();
      await page.waitForTimeout(1000);
    },
  },
  {
    name: "not-found-artifact",
    signedIn: false,
    path: () => `/a/${"0".repeat(8)}-0000-4000-8000-${"0".repeat(12)}`,
  },
  { name: "not-found-user", signedIn: false, path: () => "/u/nobody-at-all" },
  { name: "not-found-route", signedIn: false, path: () => "/no/such/page" },
];

/** A demo artifact with several versions and a public fork, and its owner. */
export async function pickFixtures(databaseUrl: string): Promise<Fixtures> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<Fixtures>(
      `select p.handle as owner, a.id as artifact, f.id as fork,
              (select max(version_index) from artifact_versions v where v.artifact_id = a.id)::int as versions
         from artifacts a
         join profiles p on p.user_id = a.owner_user_id
         join users u on u.id = a.owner_user_id and u.email like '%@demo.vitrine.dev'
         join artifacts f on f.forked_from_id = a.id and f.visibility = 'public'
        where a.visibility = 'public' and a.versioning_enabled
          and (select count(*) from artifact_versions v where v.artifact_id = a.id) >= 2
        order by a.forks_count desc, a.created_at limit 1`,
    );
    if (!rows[0]) throw new Error("The demo seed has no public artifact with versions and forks.");
    return rows[0];
  } finally {
    await client.end();
  }
}

async function signIn(page: Page, handle: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(demoEmail(handle));
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/** Photographs `pages` in one colour scheme at one width; returns the files written. */
export async function shoot(
  browser: Browser,
  baseURL: string,
  fixtures: Fixtures,
  opts: { scheme: "light" | "dark"; width: number; folder: string; pages: ScreenPage[] },
): Promise<string[]> {
  const files: string[] = [];
  for (const signedIn of [false, true]) {
    const pages = opts.pages.filter((p) => p.signedIn === signedIn);
    if (pages.length === 0) continue;
    const context = await browser.newContext({
      baseURL,
      colorScheme: opts.scheme,
      viewport: { width: opts.width, height: opts.width < 600 ? 844 : 900 },
      deviceScaleFactor: 1,
      isMobile: opts.width < 600,
      hasTouch: opts.width < 600,
    });
    const page = await context.newPage();
    try {
      if (signedIn) await signIn(page, fixtures.owner);
      for (const spec of pages) {
        await page.goto(spec.path(fixtures), { waitUntil: "networkidle" }).catch(() => {});
        if (spec.prepare) await spec.prepare(page);
        await page.waitForTimeout(400); // fonts and the frame's first paint
        const file = path.join(opts.folder, `${spec.name}-${opts.width}-${opts.scheme}.png`);
        // The whole page, up to about two screens: long galleries would shrink past reading.
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        const clip = { x: 0, y: 0, width: opts.width, height: Math.min(height, MAX_HEIGHT) };
        await page.screenshot({ path: file, fullPage: true, clip });
        files.push(file);
        // Full-page captures can miss a cross-origin frame's paint: the preview on screen, too.
        const frame = page.locator('iframe[title^="Preview of"]').first();
        if (await frame.count()) {
          await frame.scrollIntoViewIfNeeded();
          await page.waitForTimeout(400);
          const shot = file.replace(/\.png$/, "-preview.png");
          await page.screenshot({ path: shot });
          files.push(shot);
        }
      }
    } finally {
      await context.close();
    }
  }
  return files;
}

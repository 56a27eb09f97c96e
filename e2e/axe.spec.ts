import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { ROUTES } from "./access";
import { expect, query, signIn, test } from "./fixtures";

// Every page of the access list (e2e/access), audited by axe-core in light and dark mode, signed
// out and signed in: zero "serious" or "critical" violations. New pages join by being in the list;
// a page with a parameter this spec has no sample for fails, naming the parameter.

type Sample = { id: string; handle: string; ownerEmail: string };

/** A public demo artifact with history and a fork, and its owner. */
async function sample(): Promise<Sample> {
  const [row] = await query<Sample>(
    `select a.id, p.handle, u.email as "ownerEmail"
       from artifacts a join profiles p on p.user_id = a.owner_user_id join users u on u.id = a.owner_user_id
      where a.visibility = 'public' and a.versioning_enabled
        and (select count(*) from artifact_versions v where v.artifact_id = a.id) >= 2
        and exists (select 1 from artifacts f where f.forked_from_id = a.id)
        and u.email like '%@demo.vitrine.dev'
      order by a.created_at limit 1`,
  );
  if (!row) throw new Error("the demo data has no public artifact with versions and a fork");
  return row;
}

function concrete(path: string, s: Sample): string {
  const values: Record<string, string> = {
    id: s.id,
    handle: s.handle,
    tag: "game",
    n: "1",
    index: "1",
  };
  return path.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => {
    const value = values[name];
    if (!value) throw new Error(`e2e/axe.spec.ts has no sample value for [${name}] (in ${path})`);
    return value;
  });
}

const PAGES = ROUTES.filter((r) => r.kind === "page" && r.rule !== "preview");

async function audit(page: Page, url: string) {
  const violations: string[] = [];
  // Each scheme from the first paint, as a visitor whose system is set to it sees the page (a switch
  // after load would race the components that follow the scheme, like the code editor).
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const response = await page.goto(url);
    expect(response?.status(), `${url} answered`).toBeLessThan(500);
    await page.waitForLoadState("networkidle");
    const { violations: found } = await new AxeBuilder({ page })
      // The preview iframe shows the artifact's own document (another origin): not our markup.
      .exclude('iframe[title^="Preview of"]')
      .analyze();
    for (const v of found.filter((v) => v.impact === "serious" || v.impact === "critical")) {
      const targets = v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(" "))
        .join(" | ");
      violations.push(`[${colorScheme}] ${v.id} (${v.impact}): ${v.help} — ${targets}`);
    }
  }
  return violations;
}

// One test per page and state, so a failure names its page and the two workers share the list.
test.describe("axe: no serious violations", () => {
  for (const route of PAGES) {
    test(`${route.path}, signed out`, async ({ page }) => {
      const url = concrete(route.path, await sample());
      const failures = await audit(page, url);
      expect(failures, failures.join("\n")).toEqual([]);
    });
    if (route.rule === "guest-only") continue;
    test(`${route.path}, signed in as the artifact's owner`, async ({ page }) => {
      const s = await sample();
      await signIn(page, s.ownerEmail);
      const failures = await audit(page, concrete(route.path, s));
      expect(failures, failures.join("\n")).toEqual([]);
    });
  }
  // A shared link to a private or deleted artifact lands here.
  test("the not-found page", async ({ page }) => {
    const failures = await audit(page, "/a/00000000-0000-4000-8000-000000000000");
    expect(failures, failures.join("\n")).toEqual([]);
  });
});

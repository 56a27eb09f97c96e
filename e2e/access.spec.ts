import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext } from "@playwright/test";
import { ROUTES, type RouteEntry } from "./access/index";
import { DEMO_PASSWORD, createUser, expect, insertArtifact, query, signIn, test } from "./fixtures";

// The access walker: every page and GET route of e2e/access/index.ts, as an anonymous visitor, the
// owner of the artifacts under test, and another signed-in user, against a public artifact, a
// private one and a public one with its history hidden — asserting the rule each entry declares
// (e2e/access/types.ts). Entries with `walk` set are covered by a dedicated spec.

type Actor = "anonymous" | "owner" | "other";
// "fork-of-private": a public fork whose parent (the canary) is private — its pages must never carry
// the parent's title or id (issue 12 item 3).
type Target = "public" | "private" | "history-off" | "fork-of-private";
type Person = { id: string; handle: string; email: string; password: string };
type World = {
  owner: Person;
  other: Person;
  artifacts: Record<Target, string>;
  canaries: string[];
};

const ACTORS: Actor[] = ["anonymous", "owner", "other"];
const PARAM = /\[([^\]]+)\]/g;
const SUPPORTED = new Set(["id", "handle", "index"]);

const walkable = ROUTES.filter(
  (r) => r.walk === undefined && (r.kind === "page" || (r.methods ?? ["GET"]).includes("GET")),
);

/** Demo users when the seed made them (an owner with a public and a private artifact); fresh ones otherwise. */
async function pickWorld(): Promise<World> {
  const [demo] = await query<{ id: string; handle: string; email: string }>(
    `select u.id, p.handle, u.email from users u join profiles p on p.user_id = u.id
     where u.email like '%@demo.vitrine.dev'
       and exists (select 1 from artifacts a where a.owner_user_id = u.id and a.visibility = 'public' and a.versioning_enabled)
       and exists (select 1 from artifacts a where a.owner_user_id = u.id and a.visibility = 'private')
     order by p.handle limit 1`,
  );
  const owner: Person = demo
    ? { ...demo, password: DEMO_PASSWORD }
    : await createUser("walk-owner");
  const [otherDemo] = await query<{ id: string; handle: string; email: string }>(
    `select u.id, p.handle, u.email from users u join profiles p on p.user_id = u.id
     where u.email like '%@demo.vitrine.dev' and u.id <> $1 order by p.handle limit 1`,
    [owner.id],
  );
  const other: Person = otherDemo
    ? { ...otherDemo, password: DEMO_PASSWORD }
    : await createUser("walk-other");

  const pick = async (where: string) =>
    (
      await query<{ id: string }>(
        `select id from artifacts where owner_user_id = $1 and ${where} order by created_at desc, id limit 1`,
        [owner.id],
      )
    )[0]?.id;
  const publicId =
    (await pick("visibility = 'public' and versioning_enabled")) ??
    (await insertArtifact(owner.id, { title: "Walker public", visibility: "public" })).id;
  const privateId =
    (await pick("visibility = 'private'")) ??
    (await insertArtifact(owner.id, { title: "Walker private", visibility: "private" })).id;
  let historyOff = await pick("visibility = 'public' and not versioning_enabled");
  if (!historyOff) {
    historyOff = (
      await insertArtifact(owner.id, { title: "Walker history hidden", visibility: "public" })
    ).id;
    await query("update artifacts set versioning_enabled = false where id = $1", [historyOff]);
  }

  // A private parent with a unique title, and a public fork of it made while it was public (the
  // fork's lineage and version source point at it, as a real fork's do).
  const canaryTitle = `Canary ${randomUUID().slice(0, 8)} private parent`;
  const canary = await insertArtifact(owner.id, { title: canaryTitle, visibility: "private" });
  const fork = await insertArtifact(owner.id, {
    title: "Walker fork of a private parent",
    visibility: "public",
    forkedFromId: canary.id,
  });
  await query(
    `update artifacts set origin_artifact_id = $2, origin_owner_user_id = $3, forked_from_owner_user_id = $3, forked_from_version_id = $4 where id = $1`,
    [fork.id, canary.id, owner.id, canary.versionId],
  );
  await query(
    `update artifact_versions set version_metadata = jsonb_build_object('title', 'Walker fork of a private parent', 'visibility', 'public',
       'source', jsonb_build_object('kind', 'fork', 'artifact_id', $2::text, 'version_id', $3::text, 'version_index', 1)) where artifact_id = $1`,
    [fork.id, canary.id, canary.versionId],
  );
  return {
    owner,
    other,
    artifacts: {
      public: publicId,
      private: privateId,
      "history-off": historyOff,
      "fork-of-private": fork.id,
    },
    // What no one but the owner may ever receive, in any 200 answer: ids and the canary's title.
    canaries: [privateId, canary.id, canary.versionId, canaryTitle],
  };
}

/** The concrete URL for a route entry; throws for a parameter the walker cannot fill, so it is never silently skipped. */
function urlFor(route: RouteEntry, values: { id?: string; handle?: string }): string {
  const path = route.path.replace(PARAM, (_m, name: string) => {
    if (name === "id" && values.id) return values.id;
    if (name === "handle" && values.handle) return values.handle;
    if (name === "index") return "1";
    throw new Error(
      `${route.path}: the access walker cannot fill [${name}]. Add it to e2e/access.spec.ts (urlFor), or set \`walk\` with the spec that covers this entry.`,
    );
  });
  if (!route.query) return path;
  return `${path}${route.query.startsWith("?") ? "" : "?"}${route.query}`;
}

function params(route: RouteEntry): string[] {
  return [...route.path.matchAll(PARAM)].map((m) => m[1]!);
}

let world: World;
const states: Partial<Record<Actor, Awaited<ReturnType<BrowserContext["storageState"]>>>> = {};

async function contextFor(browser: Browser, actor: Actor): Promise<BrowserContext> {
  return browser.newContext(actor === "anonymous" ? {} : { storageState: states[actor] });
}

test.beforeAll(async ({ browser }) => {
  world = await pickWorld();
  // Each actor signs in once; every test reuses the stored cookies (Playwright storageState).
  for (const actor of ["owner", "other"] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, world[actor].email, world[actor].password);
    states[actor] = await context.storageState();
    await context.close();
  }
});

type Expectation = { kind: "ok" } | { kind: "not-found" } | { kind: "sign-in" };

function expected(route: RouteEntry, actor: Actor, target: Target | null): Expectation {
  const isOwner = actor === "owner";
  const ok = { kind: "ok" } as const;
  const missing = { kind: "not-found" } as const;
  switch (route.rule) {
    case "public":
    case "guest-only":
    case "profile":
      return ok;
    case "signed-in":
      return actor === "anonymous" ? { kind: "sign-in" } : ok;
    case "artifact":
      return target === "private" && !isOwner ? missing : ok;
    case "public-artifact":
      return target === "private" ? missing : ok;
    case "artifact-history":
      return (target === "private" || target === "history-off") && !isOwner ? missing : ok;
    case "artifact-owner":
      if (isOwner) return ok;
      return actor === "anonymous" ? { kind: "sign-in" } : missing;
    case "preview":
      return missing; // the app origin never serves preview documents
    case "auth":
      return ok;
    case "api-token":
      // The walker's actors carry cookies only, which the API ignores: everyone is anonymous.
      return target === "private" ? missing : ok;
    case "moderator":
      return missing; // no actor here holds the role; e2e/moderation.spec.ts signs a moderator in
  }
}

/** What a person sees on a page, without per-request noise (nonces, ids). */
async function visible(context: BrowserContext, url: string, kind: "page" | "route") {
  if (kind === "route") {
    // Route handlers may answer with a download (raw code), which a page navigation cannot show.
    const response = await context.request.get(url);
    const raw = await response.text();
    const text = response.status() === 404 ? raw.replace(/nonce-[^'"]+/g, "") : "";
    return { status: response.status(), url: new URL(response.url()), title: "", text, raw };
  }
  const page = await context.newPage();
  const response = await page.goto(url);
  const result = {
    status: response?.status(),
    url: new URL(page.url()),
    title: await page.title(),
    text: (
      await page.evaluate(() => (document.querySelector("main") ?? document.body)?.innerText ?? "")
    ).trim(),
    // The whole document as served, the React Server Components payload included: what a visitor
    // receives, not only what is shown.
    raw: (await response?.text().catch(() => "")) ?? "",
  };
  await page.close();
  return result;
}

for (const route of walkable) {
  const names = params(route);
  const unsupported = names.filter((n) => !SUPPORTED.has(n));
  for (const actor of ACTORS) {
    test(`${route.rule} ${route.kind} ${route.path}${route.query ? `?${route.query.replace(/^\?/, "")}` : ""} as ${actor}`, async ({
      browser,
    }) => {
      // Four artifacts per entry, each compared with a never-created id: the artifact page alone took
      // 37–60 s as one actor on a loaded machine.
      test.slow();
      expect(unsupported, `${route.path}: teach the walker these parameters or set walk`).toEqual(
        [],
      );
      const context = await contextFor(browser, actor);
      try {
        const targets: (Target | null)[] = names.includes("id")
          ? ["public", "private", "history-off", "fork-of-private"]
          : [null];
        for (const target of targets) {
          const url = urlFor(route, {
            id: target ? world.artifacts[target] : undefined,
            handle: world.owner.handle,
          });
          const want = expected(route, actor, target);
          const seen = await visible(context, url, route.kind);
          const label = `${url} (${target ?? "no artifact"}) as ${actor}`;
          if (want.kind === "ok") {
            expect(seen.status, label).toBe(200);
            if (actor !== "owner") {
              // Private means absent from every byte of the answer, not only from the visible text.
              const leaked = world.canaries.filter((c) => seen.raw.includes(c));
              expect(leaked, `${label} carries private ids or titles`).toEqual([]);
            }
            if (route.path !== "/login")
              expect(seen.url.pathname, `${label} is not sent to sign in`).not.toBe("/login");
          } else if (want.kind === "sign-in") {
            expect(seen.url.pathname, `${label} goes to sign in`).toBe("/login");
            const callback = seen.url.searchParams.get("callbackUrl") ?? "";
            expect(
              callback.startsWith("/") && !callback.startsWith("//"),
              `${label} callbackUrl ${callback} is same-origin`,
            ).toBe(true);
            expect(callback, label).toBe(
              new URL(url, "http://x").pathname + new URL(url, "http://x").search,
            );
          } else {
            expect(seen.status, label).toBe(404);
            if (target) {
              // Private means absent: the answer is the one for an id that never existed.
              const never = await visible(
                context,
                urlFor(route, { id: randomUUID(), handle: world.owner.handle }),
                route.kind,
              );
              expect(never.status, label).toBe(404);
              expect(seen.title, `${label}: same title as a never-created id`).toBe(never.title);
              expect(seen.text, `${label}: same page as a never-created id`).toBe(never.text);
            }
          }
        }
        if (route.rule === "profile" && names.includes("handle")) {
          const unknown = await visible(
            context,
            urlFor(route, {
              handle: `nobody-${randomUUID().slice(0, 8)}`,
              id: world.artifacts.public,
            }),
            route.kind,
          );
          expect(unknown.status, `${route.path} with an unknown handle`).toBe(404);
        }
      } finally {
        await context.close();
      }
    });
  }
}

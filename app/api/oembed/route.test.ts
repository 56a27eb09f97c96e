import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/index";
import { makeArtifact, makeUsers } from "@/db/test/social-fixtures";
import { appOrigin } from "@/lib/env";
import { GET } from "./route";

// The oEmbed provider against the spec (https://oembed.com, sections 2.2–2.3), field by field, on a
// real database: a public artifact as a visitor sees it, private / missing / not ours as 404.

const origin = appOrigin();

async function oembed(params: Record<string, string>) {
  const query = new URLSearchParams(params).toString();
  const response = await GET(new Request(`${origin}/api/oembed?${query}`));
  const text = await response.text();
  return { response, text, json: () => JSON.parse(text) as Record<string, unknown> };
}

async function publicArtifact(title = "Bouncing ball") {
  const [owner] = await makeUsers(1, "oembed");
  const handle = (await db.execute(sql`select handle from profiles where user_id = ${owner!}`))
    .rows[0]!.handle as string;
  const artifact = await makeArtifact({ ownerUserId: owner!, title });
  return { ...artifact, owner: owner!, handle };
}

/** A second version, made current: version 1 becomes an old one. */
async function addVersion(artifactId: string) {
  const id = crypto.randomUUID();
  await db.execute(sql`insert into artifact_versions (id, artifact_id, version_index, code_blob_ref, code_language, code_content)
    values (${id}, ${artifactId}, 2, 'sha256:01', 'html', '<h1>two</h1>')`);
  await db.execute(sql`update artifacts set current_version_id = ${id} where id = ${artifactId}`);
}

function iframeAttributes(html: string) {
  const match = /^<iframe ([^>]*)><\/iframe>$/.exec(html);
  expect(match, `html is one iframe: ${html}`).not.toBeNull();
  return Object.fromEntries(
    [...match![1]!.matchAll(/([a-z-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]),
  );
}

describe("GET /api/oembed", () => {
  it("answers a public artifact as a type rich response with every required and optional field", async () => {
    const a = await publicArtifact();
    const { response, json } = await oembed({ url: `${origin}/a/${a.id}`, format: "json" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const body = json();
    // 2.3.4: type and version are required; version is the string "1.0".
    expect(body.type).toBe("rich");
    expect(body.version).toBe("1.0");
    expect(body.title).toBe("Bouncing ball");
    expect(body.author_name).toBe(`@${a.handle}`);
    expect(body.author_url).toBe(`${origin}/u/${a.handle}`);
    expect(body.provider_name).toBe("Vitrine");
    expect(body.provider_url).toBe(`${origin}/`);
    expect(typeof body.cache_age).toBe("number");
    // 2.3.4.4 rich: html, width and height are required; the iframe is as big as announced.
    expect(body.width).toBe(800);
    expect(body.height).toBe(540);
    const attributes = iframeAttributes(body.html as string);
    expect(attributes.src).toBe(`${origin}/embed/${a.id}`);
    expect(attributes.width).toBe("800");
    expect(attributes.height).toBe("540");
    // No thumbnail yet: none of the three thumbnail fields (they come together or not at all).
    expect(Object.keys(body).filter((k) => k.startsWith("thumbnail_"))).toEqual([]);
    expect(Object.keys(body).sort()).toEqual(
      [
        "author_name",
        "author_url",
        "cache_age",
        "height",
        "html",
        "provider_name",
        "provider_url",
        "title",
        "type",
        "version",
        "width",
      ].sort(),
    );
  });

  it("names the author by display name when there is one", async () => {
    const a = await publicArtifact();
    await db.execute(sql`update profiles set display_name = 'Ada L.' where user_id = ${a.owner}`);
    const body = (await oembed({ url: `${origin}/a/${a.id}` })).json();
    expect(body.author_name).toBe("Ada L.");
    expect(body.author_url).toBe(`${origin}/u/${a.handle}`);
  });

  it("respects maxwidth and maxheight for the iframe and the thumbnail", async () => {
    const a = await publicArtifact();
    await db.execute(sql`insert into artifact_media (artifact_id, thumb_url, screenshot_url)
      values (${a.id}, 'local:thumb.webp', 'local:shot.webp')`);
    const full = (await oembed({ url: `${origin}/a/${a.id}` })).json();
    expect(full.thumbnail_url).toBe(`${origin}/api/media/${a.id}/thumb`);
    expect([full.thumbnail_width, full.thumbnail_height]).toEqual([480, 300]);

    const cases: {
      maxwidth?: string;
      maxheight?: string;
      want: { width: number; height: number };
    }[] = [
      { maxwidth: "400", want: { width: 400, height: 270 } },
      { maxheight: "200", want: { width: 800, height: 200 } },
      { maxwidth: "300", maxheight: "100", want: { width: 300, height: 100 } },
      { maxwidth: "5000", maxheight: "5000", want: { width: 800, height: 540 } },
    ];
    for (const { want, ...limits } of cases) {
      const body = (
        await oembed({ url: `${origin}/a/${a.id}`, ...JSON.parse(JSON.stringify(limits)) })
      ).json();
      expect([body.width, body.height], JSON.stringify(limits)).toEqual([want.width, want.height]);
      const attributes = iframeAttributes(body.html as string);
      expect([attributes.width, attributes.height]).toEqual([
        String(want.width),
        String(want.height),
      ]);
      const maxW = Number(limits.maxwidth ?? Infinity);
      const maxH = Number(limits.maxheight ?? Infinity);
      expect(body.thumbnail_width as number).toBeLessThanOrEqual(maxW);
      expect(body.thumbnail_height as number).toBeLessThanOrEqual(maxH);
      expect(body.thumbnail_url).toBe(`${origin}/api/media/${a.id}/thumb`);
    }
  });

  it("accepts every URL of an artifact: page, version page, embed, pinned embed", async () => {
    const a = await publicArtifact();
    await addVersion(a.id);
    const srcOf = async (url: string) =>
      iframeAttributes((await oembed({ url })).json().html as string).src;
    expect(await srcOf(`${origin}/a/${a.id}`)).toBe(`${origin}/embed/${a.id}`);
    expect(await srcOf(`${origin}/a/${a.id}/`)).toBe(`${origin}/embed/${a.id}`);
    expect(await srcOf(`${origin}/embed/${a.id}`)).toBe(`${origin}/embed/${a.id}`);
    expect(await srcOf(`${origin}/a/${a.id}/v/1`)).toBe(`${origin}/embed/${a.id}?v=1`);
    expect(await srcOf(`${origin}/embed/${a.id}?v=1`)).toBe(`${origin}/embed/${a.id}?v=1`);
  });

  it("escapes the title inside the html", async () => {
    const a = await publicArtifact(`"><script>alert(1)</script>`);
    const body = (await oembed({ url: `${origin}/a/${a.id}` })).json();
    expect(body.title).toBe(`"><script>alert(1)</script>`);
    expect(body.html).not.toContain("<script>");
    expect(iframeAttributes(body.html as string).title).toBe(
      "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; on Vitrine",
    );
  });

  it("answers 404, the same for all, for private, missing, deleted, unknown versions and URLs not ours", async () => {
    const a = await publicArtifact();
    const [owner] = await makeUsers(1, "private");
    const secret = await makeArtifact({ ownerUserId: owner!, visibility: "private" });
    const gone = await publicArtifact();
    await db.execute(sql`delete from artifacts where id = ${gone.id}`);
    const hidden = await publicArtifact();
    await addVersion(hidden.id);
    await db.execute(sql`update artifacts set versioning_enabled = false where id = ${hidden.id}`);
    const urls = [
      `${origin}/a/${secret.id}`,
      `${origin}/embed/${secret.id}`,
      `${origin}/a/${crypto.randomUUID()}`,
      `${origin}/a/${gone.id}`,
      `${origin}/a/${a.id}/v/9`,
      `${origin}/embed/${a.id}?v=0`,
      `${origin}/a/${hidden.id}/v/1`,
      `${origin}/a/not-a-uuid`,
      `${origin}/u/${a.handle}`,
      `https://evil.example/a/${a.id}`,
      `javascript:alert(1)`,
      "not a url",
    ];
    const never = await oembed({ url: `${origin}/a/${crypto.randomUUID()}` });
    for (const url of urls) {
      const { response, text } = await oembed({ url });
      expect(response.status, url).toBe(404);
      expect(text, url).toBe(never.text);
    }
    // The history-hidden artifact's current version is still embeddable.
    expect((await oembed({ url: `${origin}/a/${hidden.id}` })).response.status).toBe(200);
  });

  it("answers 501 for a format other than json", async () => {
    const a = await publicArtifact();
    for (const format of ["xml", "yaml"]) {
      const { response, text } = await oembed({ url: `${origin}/a/${a.id}`, format });
      expect(response.status).toBe(501);
      expect(text).toBe("Only format=json is available.");
    }
  });

  it("refuses unreadable parameters with 400 and a sentence naming the parameter", async () => {
    const a = await publicArtifact();
    const url = `${origin}/a/${a.id}`;
    const cases: [Record<string, string>, RegExp][] = [
      [{}, /url parameter/],
      [{ url: "" }, /url parameter/],
      [{ url: `${url}?${"x".repeat(3000)}` }, /at most 2048 characters/],
      [{ url, maxwidth: "wide" }, /maxwidth must be a whole number/],
      [{ url, maxwidth: "-5" }, /maxwidth must be a whole number/],
      [{ url, maxwidth: "0" }, /maxwidth must be at least 1/],
      [{ url, maxheight: "1.5" }, /maxheight must be a whole number/],
      [{ url, maxheight: "99999" }, /maxheight can be at most 10000/],
    ];
    for (const [params, message] of cases) {
      const { response, text } = await oembed(params);
      expect(response.status, JSON.stringify(params)).toBe(400);
      expect(text).toMatch(message);
      expect(text).toMatch(/\.$/);
    }
  });
});

// Issue 12 item 6: profile URLs whose handle segment cannot be a handle — `/u/%00`, `/u/mira%00`,
// `/u/%FF`, `/@%FF` and their social cards — are a 404 like an unknown handle, never a 500
// (bad percent-encoding threw URIError; NUL reached PostgreSQL, which refuses it in text).
import { beforeAll, describe, expect, it } from "vitest";
import { getProfileByHandle } from "@/db/queries/profiles";
import { makeUsers } from "@/db/test/social-fixtures";
import { handleFromPath } from "@/domain/validation/handle";

const BAD_SEGMENTS = [
  "%00",
  "mira%00",
  "%FF",
  "@%FF",
  "mira\u0000",
  "\u0000",
  "%E0%A4%A",
  "mi ra",
  "../etc",
];

let handle: string;
beforeAll(async () => {
  await makeUsers(1, "bh");
  handle = "bh1-0";
});

describe("bad handles in profile URLs", () => {
  it("reads a real handle, with or without @ and in any case", async () => {
    expect(handleFromPath(handle)).toBe(handle);
    expect(handleFromPath(`%40${handle}`)).toBe(handle);
    expect((await getProfileByHandle(handle.toUpperCase()))?.handle).toBe(handle);
  });

  it.each(BAD_SEGMENTS)("treats %j as no handle at all", async (segment) => {
    expect(handleFromPath(segment)).toBeNull();
  });

  it("never sends NUL or non-handle text to the database", async () => {
    for (const raw of ["mira\u0000", "\u0000", "\uFFFD", "%FF"])
      await expect(getProfileByHandle(raw)).resolves.toBeNull();
  });

  it("answers 404 for the social card of a bad handle", async () => {
    const { default: Image } = await import("@/app/(public)/u/[handle]/opengraph-image");
    for (const segment of ["%00", "mira%00", "%FF", "@%FF", "mira\u0000"]) {
      await expect(
        Image({ params: Promise.resolve({ handle: segment }) }),
        segment,
      ).rejects.toMatchObject({
        digest: "NEXT_HTTP_ERROR_FALLBACK;404",
      });
    }
  });
});

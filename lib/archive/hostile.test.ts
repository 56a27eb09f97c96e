// Hostile and broken archives, built here byte by byte: each is refused with its sentence and
// leaves nothing behind — no artifact, version, provenance row or stored object.
import { randomBytes } from "node:crypto";
import { strToU8, zipSync, type Zippable } from "fflate";
import { describe, expect, it } from "vitest";
import { importArchive } from "@/db/queries/archive-import";
import { makeUser } from "@/db/test/version-fixtures";
import { importUploadedArchive } from "./import-upload";
import { importFootprint } from "./test-fixtures";

function manifest(overrides: Record<string, unknown> = {}, versions?: unknown[]) {
  return {
    format: "vitrine.artifact",
    format_version: 1,
    artifact: {
      title: "Hostile",
      description: null,
      visibility: "public",
      versioning_enabled: true,
      chat_history_public: false,
    },
    versions: versions ?? [
      {
        number: 1,
        parent: null,
        created_at: "2025-01-01T00:00:00Z",
        language: "html",
        file: "versions/v1.html",
      },
    ],
    ...overrides,
  };
}

function zipOf(files: Record<string, string | Uint8Array>, level: 1 | 9 = 9): Uint8Array {
  const z: Zippable = {};
  for (const [name, body] of Object.entries(files))
    z[name] = [typeof body === "string" ? strToU8(body) : body, { level }];
  return zipSync(z);
}

/** A valid archive whose manifest is `m` and whose version files are `files`. */
const archive = (
  m: unknown,
  files: Record<string, string | Uint8Array> = { "versions/v1.html": "<p>hi</p>" },
) => zipOf({ "vitrine.json": JSON.stringify(m), ...files });

/** Rewrites every local and central header's uncompressed size to 100 bytes: headers lie. */
function lieAboutSizes(zip: Uint8Array): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 30 < out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, 100, true);
    if (sig === 0x02014b50) view.setUint32(i + 24, 100, true);
  }
  return out;
}

describe("hostile archives are refused with a sentence and leave nothing behind", () => {
  const cases: [string, () => Uint8Array, RegExp][] = [
    [
      "a zip bomb in vitrine.json (80 MB of zeros, every header claiming 100 bytes)",
      () =>
        lieAboutSizes(
          zipOf({
            "vitrine.json": new Uint8Array(80 * 1024 * 1024),
            "versions/v1.html": "<p>hi</p>",
          }),
        ),
      /^The archive inflates to more than 100 times its own size, the limit that stops zip bombs; nothing was imported\.$/,
    ],
    [
      "a bomb in a version file, which stops at that version's 1 MB limit",
      () => archive(manifest(), { "versions/v1.html": new Uint8Array(80 * 1024 * 1024) }),
      /^The code of version 1 is over 1 MB, the limit for one version\.$/,
    ],
    [
      "70 MB in total from 1.2 MB (every entry under its limit, the ratio under 100)",
      () => {
        let line = "";
        while (line.length < 1_000_000)
          line += randomBytes(16).toString("hex") + " ".repeat(1500) + "\n";
        const code = strToU8(line.slice(0, 1_000_000));
        const versions = Array.from({ length: 70 }, (_, i) => ({
          number: i + 1,
          parent: i || null,
          created_at: "2025-01-01T00:00:00Z",
          language: "html",
          file: `versions/v${i + 1}.html`,
        }));
        return zipOf(
          {
            "vitrine.json": JSON.stringify(manifest({}, versions)),
            ...Object.fromEntries(versions.map((v) => [v.file, code])),
          },
          1,
        );
      },
      /^The archive inflates to more than 64 MB, the limit that stops zip bombs; nothing was imported\.$/,
    ],
    [
      "a path-traversal entry (../)",
      () => archive(manifest(), { "versions/v1.html": "<p>hi</p>", "../../etc/cron.d/evil": "x" }),
      /^The archive entry "..\/..\/etc\/cron.d\/evil" points outside the archive/,
    ],
    [
      "an absolute path",
      () => archive(manifest(), { "versions/v1.html": "<p>hi</p>", "/etc/passwd": "x" }),
      /^The archive entry "\/etc\/passwd" is an absolute path; every entry must be relative\.$/,
    ],
    [
      "a backslash path",
      () => archive(manifest(), { "versions/v1.html": "<p>hi</p>", "..\\evil.txt": "x" }),
      /uses a backslash; Vitrine archives use forward slashes only\.$/,
    ],
    [
      "a manifest pointing a version file outside the archive",
      () =>
        archive(
          manifest({}, [
            {
              number: 1,
              parent: null,
              created_at: "2025-01-01T00:00:00Z",
              language: "html",
              file: "../v1.html",
            },
          ]),
        ),
      /^vitrine.json, version 1: The archive entry "..\/v1.html" points outside the archive/,
    ],
    [
      "10,000 versions",
      () =>
        archive(
          manifest(
            {},
            Array.from({ length: 10_000 }, (_, i) => ({
              number: i + 1,
              parent: i || null,
              created_at: "2025-01-01T00:00:00Z",
              language: "html",
              file: "versions/v1.html",
            })),
          ),
        ),
      /^This archive has 10,000 versions; Vitrine imports at most 1,000 versions per artifact\.$/,
    ],
    [
      "a vitrine.json that is not JSON",
      () => zipOf({ "vitrine.json": "{ not json", "versions/v1.html": "x" }),
      /^vitrine.json is not valid JSON\.$/,
    ],
    [
      "a vitrine.json without a title",
      () => archive({ ...manifest(), artifact: { ...manifest().artifact, title: "   " } }),
      /^vitrine.json is not valid: artifact.title: Give your artifact a title\.$/,
    ],
    [
      "a vitrine.json with an unexpected field",
      () => archive(manifest({ owner_user_id: "someone-else" })),
      /^vitrine.json is not valid: the file: has an unexpected field: owner_user_id$/,
    ],
    [
      "a parent that is not an earlier version",
      () =>
        archive(
          manifest({}, [
            {
              number: 1,
              parent: 2,
              created_at: "2025-01-01T00:00:00Z",
              language: "html",
              file: "versions/v1.html",
            },
            {
              number: 2,
              parent: null,
              created_at: "2025-01-01T00:00:00Z",
              language: "html",
              file: "versions/v2.html",
            },
          ]),
          { "versions/v1.html": "a", "versions/v2.html": "b" },
        ),
      /^vitrine.json is not valid: version entry 1 \(parent\): must be an earlier version listed in the archive \(got 2\)$/,
    ],
    [
      "an unknown language",
      () =>
        archive(
          manifest({}, [
            {
              number: 1,
              parent: null,
              created_at: "2025-01-01T00:00:00Z",
              language: "cobol",
              file: "versions/v1.cob",
            },
          ]),
          { "versions/v1.cob": "DISPLAY 'HI'." },
        ),
      /^vitrine.json is not valid: version entry 1 \(language\): Choose a language from the list \(html, jsx/,
    ],
    [
      "code over the 1 MB limit",
      () => archive(manifest(), { "versions/v1.html": "<p>" + "x".repeat(1_048_576) + "</p>" }),
      /^The code of version 1 is over 1 MB, the limit for one version\.$/,
    ],
    [
      "a missing version file",
      () => archive(manifest(), {}),
      /^The archive has no versions\/v1.html, the code of version 1\.$/,
    ],
    [
      "code that does not match its checksum",
      () =>
        archive(
          manifest({}, [
            {
              number: 1,
              parent: null,
              created_at: "2025-01-01T00:00:00Z",
              language: "html",
              file: "versions/v1.html",
              sha256: "0".repeat(64),
            },
          ]),
        ),
      /^The code of version 1 does not match its sha256 in vitrine.json\.$/,
    ],
    [
      "an upload over 3 MB",
      () => {
        const big = new Uint8Array(3 * 1024 * 1024 + 1);
        big.set([0x50, 0x4b, 3, 4]);
        return big;
      },
      /^The file is too big: a Vitrine archive can be at most 3 MB\.$/,
    ],
    [
      "a file that is not a zip",
      () => strToU8("<html>not a zip</html>"),
      /^This file is not a zip archive\.$/,
    ],
    [
      "an account export without a chosen artifact",
      () =>
        zipOf({
          "vitrine-account.json": JSON.stringify({
            format: "vitrine.account",
            format_version: 1,
            exported_at: "2025-01-01T00:00:00Z",
            profile: {},
            artifacts: [
              { id: "a", title: "A", folder: "artifacts/a/" },
              { id: "b", title: "B", folder: "artifacts/b/" },
            ],
          }),
        }),
      /^This account export holds 2 artifacts: give the id of the one to import/,
    ],
  ];

  for (const [name, build, sentence] of cases) {
    it(`refuses ${name}`, async () => {
      const owner = await makeUser(`hostile-${cases.findIndex((c) => c[0] === name)}`);
      const bytes = build();
      const before = await importFootprint();
      const outcome = await importUploadedArchive({
        ownerUserId: owner,
        bytes,
        fileName: "evil.zip",
      });
      expect(outcome.status).toBe("refused");
      expect(outcome.status === "refused" && outcome.message).toMatch(sentence);
      expect(await importFootprint()).toEqual(before);
      // Building and inflating the 70 MB and 80 MB archives takes tens of seconds on a busy machine.
    }, 120_000);
  }

  it("accepts the well-formed archive these are built from (the refusals are not blanket ones)", async () => {
    const owner = await makeUser("hostile-control");
    const before = await importFootprint();
    const outcome = await importUploadedArchive({
      ownerUserId: owner,
      bytes: archive(manifest()),
      fileName: "ok.zip",
    });
    expect(outcome).toMatchObject({ status: "imported", versions: 1 });
    expect(await importFootprint()).toEqual({
      ...before,
      artifacts: before.artifacts + 1,
      versions: before.versions + 1,
      imports: before.imports + 1,
    });
  });

  it("a failure inside the transaction rolls back the artifact it had already inserted", async () => {
    const owner = await makeUser("hostile-tx");
    const before = await importFootprint();
    const m = manifest();
    // Version 1 has no code: building its row fails after the artifact row was inserted.
    await expect(
      importArchive({
        ownerUserId: owner,
        manifest: {
          ...m,
          versions: [{ ...(m.versions[0] as object), summary: null, label: null, chat: null }],
        } as never,
        code: new Map(),
        fileName: "x.zip",
        fileSha256: "0".repeat(64),
      }),
    ).rejects.toThrow();
    expect(await importFootprint()).toEqual(before);
  });
});

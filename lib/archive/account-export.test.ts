// The account export through the real queue: a web process's enqueue, the worker's consumer,
// the zip in the object store, the owner's download, another user's nothing, the expiry.
import { strFromU8, unzipSync } from "fflate";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/index";
import {
  createAccountExport,
  listAccountExports,
  purgeExpiredAccountExports,
} from "@/db/queries/account-exports";
import { makeUser } from "@/db/test/version-fixtures";
import { stopBoss } from "@/lib/thumbnails/queue";
import {
  accountExportDownload,
  enqueueAccountExport,
  processAccountExport,
  startAccountExportWorker,
} from "./account-job";
import { accountExportPlan, accountZipStream } from "./account-zip";
import { importUploadedArchive } from "./import-upload";
import { artifactWithHistory, historyOf } from "./test-fixtures";
import { collect } from "./zip-stream";

describe("account export", () => {
  it("a queued export is built by the worker through pg-boss, downloaded by its owner only, and expires", async () => {
    const alice = await makeUser("acct-alice");
    const bob = await makeUser("acct-bob");
    const open = await artifactWithHistory(alice, { title: "Open one", visibility: "public" });
    const secret = await artifactWithHistory(alice, { title: "Secret one", visibility: "private" });
    await artifactWithHistory(bob, { title: "Not alice's" });

    const { id, created } = await createAccountExport(alice);
    expect(created).toBe(true);
    // A second click while it is queued gets the same export, not a second job.
    expect(await createAccountExport(alice)).toEqual({ id, created: false });
    await enqueueAccountExport(id);
    await startAccountExportWorker({
      connectionString: process.env.DATABASE_URL,
      pollingIntervalSeconds: 0.5,
    });
    await expect
      .poll(async () => (await listAccountExports(alice))[0]?.state, { timeout: 20_000 })
      .toBe("ready");
    await stopBoss();

    const [row] = await listAccountExports(alice);
    expect(row).toMatchObject({ id, artifactCount: 2, objectKey: `exports/${alice}/${id}/` });
    expect(await accountExportDownload({ id, userId: bob })).toBeNull();
    const download = await accountExportDownload({ id, userId: alice });
    const bytes = await collect(download!.stream);
    expect(bytes.length).toBe(row!.byteSize);

    const files = unzipSync(new Uint8Array(bytes));
    const account = JSON.parse(strFromU8(files["vitrine-account.json"]!));
    expect(account.profile.handle).toBe("acct-alice");
    expect(account.artifacts.map((a: { title: string }) => a.title).sort()).toEqual([
      "Open one",
      "Secret one",
    ]);
    expect(Object.keys(files)).toContain(`artifacts/${secret}/versions/v4.html`);
    expect(JSON.stringify(account)).not.toContain("Not alice's");

    // One artifact out of the account zip imports with its history intact.
    const imported = await importUploadedArchive({
      ownerUserId: bob,
      bytes: new Uint8Array(bytes),
      fileName: "account.zip",
      pick: open,
    });
    expect(imported.status).toBe("imported");
    if (imported.status === "imported")
      expect(await historyOf(imported.id)).toEqual(await historyOf(open));

    const parts = async () =>
      (
        await db.execute<{ n: number }>(
          sql`select count(*)::int as n from stored_objects where starts_with(key, ${row!.objectKey})`,
        )
      ).rows[0]!.n;
    expect(await parts()).toBe(1);

    // Expired: no download, and the purge removes the zip from the object store.
    await db.execute(
      sql`update account_exports set expires_at = now() - interval '1 minute' where id = ${id}`,
    );
    expect(await accountExportDownload({ id, userId: alice })).toBeNull();
    expect(await purgeExpiredAccountExports()).toBe(1);
    expect(await parts()).toBe(0);
    expect((await listAccountExports(alice))[0]).toMatchObject({ state: "ready", objectKey: null });
  }, 60_000);

  it("small accounts are zipped on request; past the threshold they go to the worker", async () => {
    const carol = await makeUser("acct-carol");
    await artifactWithHistory(carol);
    const plan = await accountExportPlan(carol);
    expect(plan).toMatchObject({ artifacts: 1, versions: 4, direct: true });
    const zip = unzipSync(new Uint8Array(await collect((await accountZipStream(carol)).stream)));
    expect(Object.keys(zip).filter((n) => n.endsWith("vitrine.json"))).toHaveLength(1);

    // 201 versions: over the direct limit of 200.
    await db.execute(sql`
      insert into artifact_versions (artifact_id, version_index, code_blob_ref, code_language, code_content)
      select a.id, 4 + g, 'sha256:x', 'html', '<p>more</p>'
        from artifacts a, generate_series(1, 197) g where a.owner_user_id = ${carol}`);
    expect(await accountExportPlan(carol)).toMatchObject({ versions: 201, direct: false });
  });

  it("a zip over 8 MB is stored in parts and downloads as one valid zip", async () => {
    const dave = await makeUser("acct-dave");
    const id0 = await artifactWithHistory(dave);
    // 12 versions of 1 MB of random base64: about 9 MB compressed, so two parts.
    await db.execute(sql`
      insert into artifact_versions (artifact_id, version_index, code_blob_ref, code_language, code_content)
      select ${id0}, 4 + g, 'sha256:x', 'html',
             (select string_agg(encode(gen_random_bytes(768), 'base64'), '' ) from generate_series(1, 1000)) || g
        from generate_series(1, 12) g`);
    await db.execute(sql`update artifacts set current_version_id =
      (select id from artifact_versions where artifact_id = ${id0} and version_index = 16) where id = ${id0}`);
    const { id } = await createAccountExport(dave);
    expect(await processAccountExport(id)).toBe("ready");
    const download = await accountExportDownload({ id, userId: dave });
    expect(download).not.toBeNull();
    const bytes = await collect(download!.stream);
    expect(bytes.length).toBe(download!.byteSize);
    expect(bytes.length).toBeGreaterThan(8 * 1024 * 1024);
    const { rows } = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from stored_objects where starts_with(key, ${`exports/${dave}/${id}/`})`,
    );
    expect(rows[0]!.n).toBe(2);
    const files = unzipSync(new Uint8Array(bytes));
    expect(Object.keys(files).filter((n) => n.includes("/versions/"))).toHaveLength(16);
  });

  it("deleting the account deletes its export's zip from the object store", async () => {
    const erin = await makeUser("acct-erin");
    await artifactWithHistory(erin);
    const { id } = await createAccountExport(erin);
    expect(await processAccountExport(id)).toBe("ready");
    const parts = async () =>
      (
        await db.execute<{ n: number }>(
          sql`select count(*)::int as n from stored_objects where starts_with(key, ${`exports/${erin}/`})`,
        )
      ).rows[0]!.n;
    expect(await parts()).toBe(1);
    await db.execute(sql`delete from users where id = ${erin}`);
    expect(await parts()).toBe(0);
  });
});

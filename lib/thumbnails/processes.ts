import { readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

// Counts the thumbnail browsers alive on this machine from /proc (Linux): every process whose
// command line carries one of our profile folders (see chromium.ts), grouped by process group —
// one group is one browser with its zygotes, GPU, network and renderer processes. Zombies (already
// dead, waiting to be reaped) hold no memory and are not counted. Used by tests and the benchmark.

/** The profile folder prefix of browsers launched by process `ownerPid` (see chromium.ts). */
export function profilePrefix(ownerPid = process.pid): string {
  return path.join(os.tmpdir(), `vitrine-chromium-${ownerPid}-`);
}

export type BrowserTree = { pgid: number; ownerPid: number; pids: number[]; rssKb: number };

function read(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null; // the process exited while we looked
  }
}

/** The browsers (process groups) launched by process `ownerPid`, with their resident memory. */
export function thumbnailBrowserTrees(ownerPid: number | "any" = process.pid): BrowserTree[] {
  const marker = `--user-data-dir=${ownerPid === "any" ? path.join(os.tmpdir(), "vitrine-chromium-") : profilePrefix(ownerPid)}`;
  const trees = new Map<number, BrowserTree>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = read(`/proc/${entry}/cmdline`);
    if (!cmdline?.includes(marker)) continue;
    const stat = read(`/proc/${entry}/stat`);
    if (!stat) continue;
    // Fields after "(comm)": state ppid pgrp …
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (state === "Z" || state === "X") continue;
    const rss = /VmRSS:\s+(\d+) kB/.exec(read(`/proc/${entry}/status`) ?? "");
    const pgid = Number(pgrp);
    const owner = Number(new RegExp(`vitrine-chromium-(\\d+)-`).exec(cmdline)?.[1]);
    const tree = trees.get(pgid) ?? { pgid, ownerPid: owner, pids: [], rssKb: 0 };
    tree.pids.push(Number(entry));
    tree.rssKb += rss ? Number(rss[1]) : 0;
    trees.set(pgid, tree);
  }
  return [...trees.values()];
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The profile folders (absolute paths) of browsers launched by process `ownerPid`, or by anyone. */
export function profileFolders(ownerPid: number | "any" = process.pid): string[] {
  const prefix = path.basename(
    ownerPid === "any" ? path.join(os.tmpdir(), "vitrine-chromium-") : profilePrefix(ownerPid),
  );
  return readdirSync(os.tmpdir())
    .filter((entry) => entry.startsWith(prefix))
    .map((entry) => path.join(os.tmpdir(), entry));
}

function ownerOf(folder: string): number {
  return Number(/vitrine-chromium-(\d+)-/.exec(path.basename(folder))?.[1]);
}

/**
 * What a worker killed outright (SIGKILL, OOM) could not clean up: kills the browsers whose launching
 * process no longer exists, then deletes the profile folders of dead launchers (each holds a cache
 * and a crash database; left alone they add up in /tmp). Called when a worker starts.
 */
export function reapOrphans(): { browsers: number; folders: number } {
  let browsers = 0;
  for (const tree of thumbnailBrowserTrees("any")) {
    if (!tree.ownerPid || alive(tree.ownerPid)) continue;
    try {
      process.kill(-tree.pgid, "SIGKILL");
      browsers++;
    } catch {
      // already gone
    }
  }
  let folders = 0;
  for (const folder of profileFolders("any")) {
    const owner = ownerOf(folder);
    if (!owner || alive(owner)) continue;
    // A browser killed a moment ago may still be writing: retry briefly rather than leave it.
    rmSync(folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    folders++;
  }
  return { browsers, folders };
}

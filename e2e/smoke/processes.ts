// The smoke test's children, each in a process group of its own (`npm run …` → sh → tsx → node →
// next-server), so stopping one stops all of it: SIGTERM to the group (the worker drains and closes
// its browser), SIGKILL to whatever is left after a grace period. The worker launches Chromium in a
// group of its own (to kill it by group mid-render), so its browsers are found by owner pid and
// killed too.
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { profilePrefix, thumbnailBrowserTrees } from "@/lib/thumbnails/processes";

export type Started = { name: string; child: ChildProcess; output: string[] };

export function startGroup(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string>,
  cwd: string,
): Started {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    detached: true, // a new process group, led by the child
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 400) output.splice(0, output.length - 400);
    if (process.env.SMOKE_VERBOSE) process.stdout.write(`[${name}] ${chunk}`);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return { name, child, output };
}

/** The live processes of process group `pgid`, from /proc. */
export function groupPids(pgid: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(pgrp) === pgid && state !== "Z" && state !== "X") pids.push(Number(entry));
    } catch {
      // exited while we looked
    }
  }
  return pids;
}

function signalGroup(pgid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pgid, signal);
  } catch {
    // the group is gone
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Removes the browser profile folders process `pid` made (a worker stopped by force leaves them). */
function removeProfiles(pid: number) {
  const prefix = path.basename(profilePrefix(pid));
  for (const entry of readdirSync(os.tmpdir()))
    if (entry.startsWith(prefix))
      rmSync(path.join(os.tmpdir(), entry), { recursive: true, force: true });
}

/**
 * Stops a started group and every browser its processes launched; resolves with the pids still
 * alive afterwards (none, unless something refused SIGKILL).
 */
export async function stopGroup({ child }: Started, graceMs = 10_000): Promise<number[]> {
  const pgid = child.pid;
  if (!pgid) return [];
  const members = new Set(groupPids(pgid));
  const browsers = () => thumbnailBrowserTrees("any").filter((t) => members.has(t.ownerPid));
  const ownedBrowsers = browsers().map((t) => t.pgid);
  signalGroup(pgid, "SIGTERM");
  for (let waited = 0; waited < graceMs && groupPids(pgid).length; waited += 100) {
    // Members that appear while it stops (a late child) are owners too.
    for (const pid of groupPids(pgid)) members.add(pid);
    await sleep(100);
  }
  signalGroup(pgid, "SIGKILL");
  for (const browserGroup of new Set([...ownedBrowsers, ...browsers().map((t) => t.pgid)]))
    signalGroup(browserGroup, "SIGKILL");
  const left = () => [...groupPids(pgid), ...browsers().flatMap((t) => t.pids)];
  for (let waited = 0; waited < 5000 && left().length; waited += 100) await sleep(100);
  for (const pid of members) removeProfiles(pid);
  return left();
}

/** Stops them all at once (each group in parallel); resolves with the pids still alive. */
export async function stopAll(started: Started[]): Promise<number[]> {
  return (await Promise.all(started.map((s) => stopGroup(s)))).flat();
}

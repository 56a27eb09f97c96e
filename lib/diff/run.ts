// Where a diff is computed: inline when even its worst case is a few milliseconds of work, in the
// diff worker thread otherwise — one big or adversarial diff must not block the event loop for
// every other request. One worker, started on first use and kept (unref'd: it never holds the
// process open); requests queue in it.
import { Worker } from "node:worker_threads";
import { diffTexts, type LineDiff } from "@/domain/diff/engine";
import { lcsCost } from "@/domain/diff/lcs-bits";
import { splitText, type TextLines } from "@/domain/diff/lines";

/** Work (engine units) below which a diff is computed inline: about 2 ms here. */
export const INLINE_MAX_WORK = 1_000_000;

type Pending = { resolve: (diff: LineDiff) => void; reject: (error: Error) => void };
let worker: Worker | null = null;
const pending = new Map<number, Pending>();
let nextId = 1;

function startWorker(): Worker {
  // The literal `new Worker(new URL(...))` form is what Next's bundler recognises and bundles as
  // its own entry (inside Next, NEXT_RUNTIME is set; `import.meta.url` still names the .ts source
  // there, so it cannot tell). From source (tsx, Vitest) Node cannot load a .ts worker by itself,
  // so the thread registers tsx first.
  const fromSource = !process.env.NEXT_RUNTIME;
  const w = fromSource
    ? new Worker(
        `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url.replace(/run\.ts$/, "diff-worker.ts"))}); });`,
        { eval: true },
      )
    : new Worker(new URL("./diff-worker.ts", import.meta.url));
  w.unref();
  w.on("message", (message: { id: number; result?: LineDiff; error?: string }) => {
    const p = pending.get(message.id);
    if (!p) return;
    pending.delete(message.id);
    if (message.result) p.resolve(message.result);
    else p.reject(new Error(`diff worker: ${message.error}`));
  });
  const fail = (error: Error) => {
    if (worker === w) worker = null; // the next diff starts a fresh one
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  w.on("error", fail);
  w.on("exit", (code) => fail(new Error(`diff worker exited with code ${code}`)));
  return w;
}

function inWorker(before: string, after: string, ignoreWhitespace: boolean): Promise<LineDiff> {
  worker ??= startWorker();
  const id = nextId++;
  const w = worker;
  return new Promise<LineDiff>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.ref(); // keep the process alive while a diff is owed
    w.postMessage({ id, before, after, ignoreWhitespace });
  }).finally(() => {
    if (pending.size === 0) w.unref();
  });
}

/** The worst-case work of a diff of these sizes (the engine never exceeds its budget either). */
function worstCaseWork(a: TextLines, b: TextLines): number {
  return lcsCost(a.lines.length, b.lines.length) + 25 * (a.lines.length + b.lines.length);
}

export type TextDiff = LineDiff & { a: TextLines; b: TextLines; where: "inline" | "worker" };

/** `diffTexts`, off the main thread when it could take more than a few milliseconds. */
export async function diffTextsAsync(
  before: string,
  after: string,
  ignoreWhitespace: boolean,
  options: { inlineMaxWork?: number } = {},
): Promise<TextDiff> {
  const a = splitText(before);
  const b = splitText(after);
  if (worstCaseWork(a, b) <= (options.inlineMaxWork ?? INLINE_MAX_WORK)) {
    return { ...diffTexts(before, after, { ignoreWhitespace }), where: "inline" };
  }
  const diff = await inWorker(before, after, ignoreWhitespace);
  return { ...diff, a, b, where: "worker" };
}

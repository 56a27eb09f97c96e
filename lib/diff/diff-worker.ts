// The diff worker thread: computes line diffs off the main thread, so a large diff (up to the
// engine's work budget, about half a second of one core) never holds up other requests.
// Started by ./run.ts; messages are { id, before, after, ignoreWhitespace }.
import { parentPort } from "node:worker_threads";
import { diffTexts } from "../../domain/diff/engine";

export type DiffRequest = { id: number; before: string; after: string; ignoreWhitespace: boolean };

parentPort?.on("message", (request: DiffRequest) => {
  try {
    const { runs, added, removed, exact, work } = diffTexts(request.before, request.after, {
      ignoreWhitespace: request.ignoreWhitespace,
    });
    parentPort!.postMessage({ id: request.id, result: { runs, added, removed, exact, work } });
  } catch (error) {
    parentPort!.postMessage({
      id: request.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});

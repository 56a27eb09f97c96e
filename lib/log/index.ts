import pino, { type Logger } from "pino";
import { env } from "@/lib/env";

// Structured logs: one JSON object per line on stdout (level, ISO time, role, pid, msg, requestId
// when known), for whatever collects the container's output. Errors go under `err` (pino's
// serializer: type, message, stack); expected refusals (a wrong password, a rate limit) are one
// info line without one.

export type { Logger };

type Sink = { write(line: string): void };

const stdoutSink: Sink = { write: (line) => void process.stdout.write(line) };
let sink: Sink = stdoutSink;

const root: Logger = pino(
  {
    level: env.LOG_LEVEL,
    base: { role: env.VITRINE_ROLE, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  },
  // Resolved per line so a test can read what was written (captureLogs below).
  { write: (line: string) => sink.write(line) },
);

/** The process's logger, or a child stamping `requestId` on every line it writes. */
export function logger(requestId?: string | null): Logger {
  return requestId ? root.child({ requestId }) : root;
}

/** Sends log lines to `target` until the returned function is called (tests read them this way). */
export function captureLogs(target: Sink): () => void {
  sink = target;
  return () => {
    sink = stdoutSink;
  };
}

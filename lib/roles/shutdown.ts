// Graceful stop on SIGTERM/SIGINT: run the closers (queue, browser, pool) in order, each bounded, and
// exit within 10 s whatever hangs — an orchestrator sends SIGKILL soon after, and a stop that never
// ends would leave Chromium behind.
export type Closer = { name: string; close: () => Promise<unknown> };

const SHUTDOWN_BUDGET_MS = 9_000;

export function onShutdown(closers: Closer[], log: (line: string) => void = (l) => console.log(l)) {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received: draining and closing (${closers.map((c) => c.name).join(", ")})…`);
    const deadline = setTimeout(() => {
      log(`Shutdown took longer than ${SHUTDOWN_BUDGET_MS / 1000}s; exiting anyway.`);
      process.exit(1);
    }, SHUTDOWN_BUDGET_MS);
    deadline.unref();
    for (const closer of closers) {
      try {
        await closer.close();
      } catch (err) {
        log(`Closing ${closer.name} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    clearTimeout(deadline);
    log("Stopped cleanly.");
    process.exit(0);
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void stop(signal));
}

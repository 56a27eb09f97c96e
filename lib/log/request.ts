import "server-only";
import { headers } from "next/headers";
import { logger, type Logger } from "./index";
import { REQUEST_ID_HEADER } from "./request-id";

/**
 * The logger of the request being handled: its lines carry the id the proxy set. Outside a request
 * (a job, a script, a test) it is the process's logger.
 */
export async function requestLogger(): Promise<Logger> {
  try {
    return logger((await headers()).get(REQUEST_ID_HEADER));
  } catch {
    return logger();
  }
}

/** The id of the request being handled, to hand to work it starts elsewhere (a queued job). */
export async function currentRequestId(): Promise<string | undefined> {
  try {
    return (await headers()).get(REQUEST_ID_HEADER) ?? undefined;
  } catch {
    return undefined;
  }
}

import { pingDatabase } from "@/db/queries/health";

import { requestLogger } from "@/lib/log/request";

export const dynamic = "force-dynamic";

/** Liveness plus database reachability: 200 when a query round-trips, 503 when it does not. */
export async function GET() {
  try {
    await pingDatabase();
    return Response.json(
      { status: "ok", database: "up" },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (err) {
    // The operator needs the cause in the log; the client gets a sentence.
    (await requestLogger()).error({ err }, "health: database unreachable");
    return Response.json(
      {
        status: "degraded",
        database: "down",
        message: "The database is unreachable; try again shortly.",
      },
      { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": "5" } },
    );
  }
}

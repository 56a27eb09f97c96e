import { readinessReport } from "@/db/queries/health";

import { requestLogger } from "@/lib/log/request";

export const dynamic = "force-dynamic";

const HEADERS = { "Cache-Control": "no-store" };

/**
 * Readiness: send traffic here only when the database answers and every migration is applied.
 * The thumbnail backlog is reported (a growing number means the worker is down or too slow) but
 * does not fail readiness: pages are served without thumbnails.
 */
export async function GET() {
  try {
    const { pending, backlog } = await readinessReport();
    if (pending.length) {
      return Response.json(
        {
          status: "not-ready",
          database: "up",
          migrations: { pending },
          message: "Migrations are pending: run `npm run db:migrate`.",
        },
        { status: 503, headers: { ...HEADERS, "Retry-After": "5" } },
      );
    }
    return Response.json(
      { status: "ready", database: "up", migrations: { pending: [] }, thumbnailBacklog: backlog },
      { headers: HEADERS },
    );
  } catch (err) {
    (await requestLogger()).error({ err }, "ready: database check failed");
    return Response.json(
      {
        status: "not-ready",
        database: "down",
        message: "The database is unreachable; try again shortly.",
      },
      { status: 503, headers: { ...HEADERS, "Retry-After": "5" } },
    );
  }
}

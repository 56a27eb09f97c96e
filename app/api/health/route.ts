import { sql } from "drizzle-orm";
import { db } from "@/db/index";

export const dynamic = "force-dynamic";

/** Liveness plus database reachability: 200 when a query round-trips, 503 when it does not. */
export async function GET() {
  try {
    await db.execute(sql`select 1`);
    return Response.json({ status: "ok", database: "up" }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json(
      { status: "degraded", database: "down", message: "The database is unreachable; try again shortly." },
      { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": "5" } },
    );
  }
}

import { bigint, index, integer, pgTable, text } from "drizzle-orm/pg-core";

// The store of rate-limiter-flexible's RateLimiterPostgres (lib/rate-limit.ts), created by
// data/migrations/003_accounts.sql. Only the library reads and writes it.
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    points: integer("points").notNull().default(0),
    expire: bigint("expire", { mode: "number" }),
  },
  (t) => [index("rate_limits_expire_idx").on(t.expire)],
);

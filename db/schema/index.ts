// Every table, for drizzle(), the adapter and the schema-agreement test. One file per domain.
export * from "./auth";
export * from "./profiles";
export * from "./artifacts";
export * from "./rate-limits";
export * from "./lineage";
export * from "./social";
export * from "./objects";
export * from "./tokens";
export * from "./tags";
export * from "./exports";
export * from "./follows";
export * from "./moderation";
export * from "./page-cache";
export * from "./derived";

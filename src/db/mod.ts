export * from "./client.ts";
export * as schema from "./schema.ts";
export * from "./repositories/customers.ts";
export * from "./repositories/deployments.ts";
export * from "./repositories/feedback.ts";
export * from "./repositories/predictions.ts";
export * from "./repositories/tickets.ts";

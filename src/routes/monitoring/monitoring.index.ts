import { createRouter } from "../../http/create_router.ts";
import type { Database } from "../../db/mod.ts";
import { monitoringHandlers } from "./monitoring.handlers.ts";
import * as routes from "./monitoring.routes.ts";

/** `/v1/monitoring/reports` and `/v1/monitoring/reports/{id}`. */
export function monitoringRouter(db: Database) {
  const handlers = monitoringHandlers(db);
  return createRouter()
    .openapi(routes.listReports, handlers.listReports)
    .openapi(routes.getReport, handlers.getReport);
}

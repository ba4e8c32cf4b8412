import { createRouter } from "../../http/create_router.ts";
import { type TicketsDependencies, ticketsHandlers } from "./tickets.handlers.ts";
import * as routes from "./tickets.routes.ts";

/** `/v1/tickets`: store, read and (re-)triage tickets with a suggested reply. */
export function ticketsRouter(deps: TicketsDependencies) {
  const handlers = ticketsHandlers(deps);
  return createRouter()
    .openapi(routes.createTicket, handlers.createTicket)
    .openapi(routes.getTicket, handlers.getTicket)
    .openapi(routes.retriageTicket, handlers.retriageTicket);
}

/**
 * The dashboard's routes and the zod schemas of what they read: HTML pages, kept out of the
 * OpenAPI document (they are for people, not clients).
 * @module
 */
import { z } from "zod";
import { topics, urgencies } from "../../domain/ticket.ts";

/** The pages and form targets under `/dashboard`. */
export const dashboardPaths = {
  overview: "/dashboard",
  model: "/dashboard/model",
  drift: "/dashboard/drift",
  tickets: "/dashboard/tickets",
  feedback: "/dashboard/tickets/feedback",
  customers: "/dashboard/customers",
  report: "/dashboard/reports/:id",
  reportJson: "/dashboard/reports/:id/json",
  login: "/dashboard/login",
  logout: "/dashboard/logout",
  asset: "/dashboard/assets/:name",
} as const;

const empty = (value: unknown) => value === "" ? undefined : value;

/** The tickets page's filters (an empty select means any). */
export const TicketQuery = z.object({
  topic: z.preprocess(empty, z.enum(topics).optional()),
  urgency: z.preprocess(empty, z.enum(urgencies).optional()),
  review: z.preprocess(empty, z.enum(["needed", "not-needed"]).optional()),
  saved: z.uuid().optional(),
});
export type TicketQuery = z.infer<typeof TicketQuery>;

/** The labels a reviewer sends for one triaged ticket. */
export const FeedbackForm = z.object({
  prediction_id: z.uuid(),
  topic: z.enum(topics),
  urgency: z.enum(urgencies),
  /** The filters to return to, as the page wrote them. */
  back: z.string().max(200).regex(/^(\?[\w=&-]*)?$/).default(""),
});

/** The model page's choice. */
export const ModelQuery = z.object({ model: z.string().min(1).max(100).optional() });

/** A report id in a path. */
export const ReportParam = z.object({ id: z.uuid() });

/** The sign-in form. */
export const LoginForm = z.object({ key: z.string().min(1).max(500) });

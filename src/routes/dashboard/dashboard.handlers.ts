/**
 * The dashboard's handlers: each page reads what the product keeps (the BI views, the served
 * versions, the monitor's reports) and renders it on the server.
 * @module
 */
import type { Context } from "hono";
import type { z } from "zod";
import {
  challengerAgreement,
  churnRiskDeciles,
  type Database,
  findDriftReport,
  highestRiskCustomers,
  labelledScores,
  latestDriftReports,
  listDeployments,
  listOpenAlerts,
  productionAccuracy,
  recentTicketTriage,
  trafficByHour,
} from "../../db/mod.ts";
import { fromDatabase } from "../../http/database_errors.ts";
import { HttpError } from "../../http/http_error.ts";
import { NotFoundError } from "../../domain/errors.ts";
import type { Topic, Urgency } from "../../domain/ticket.ts";
import { type KbSearcher, suggestReply } from "../../kb/mod.ts";
import { reportColumns, reportHtml } from "../../monitor/mod.ts";
import type { ModelRegistry } from "../../serving/registry/model_registry.ts";
import type { ScoringSink } from "../../serving/prediction_log/mod.ts";
import type { WriterStats } from "../../serving/scrape_gauges.ts";
import { storeFeedback } from "../feedback/feedback.handlers.ts";
import { customersPage } from "./customers_page.ts";
import { dashboardAssets } from "./dashboard_assets.ts";
import {
  dashboardPaths,
  FeedbackForm,
  LoginForm,
  ModelQuery,
  ReportParam,
  TicketQuery,
} from "./dashboard.routes.ts";
import { type DashboardKeys, endSession, startSession } from "./dashboard_session.ts";
import { driftPage } from "./drift_page.ts";
import { dashboardPages, type Html, layout } from "./layout.ts";
import { loginPage } from "./login_page.ts";
import { modelPage } from "./model_page.ts";
import { overviewPage, type ServedRole } from "./overview_page.ts";
import type { RequestHistory } from "./request_history.ts";
import { historyVersions } from "./version_history.ts";
import type { ModelMetrics } from "../../ml/version_files.ts";
import { ticketQueryString, ticketsPage } from "./tickets_page.ts";

/** What the dashboard reads from. */
export interface DashboardDependencies {
  db: Database;
  registry: ModelRegistry;
  sink: ScoringSink;
  kb: KbSearcher;
  keys: DashboardKeys;
  writerStats(): WriterStats;
  /** The server's answers over time, by status class. */
  requestHistory: RequestHistory;
  /** Any version's test metrics when they are at hand. */
  versionMetrics(name: string, version: string): Promise<ModelMetrics | undefined>;
}

/** Traffic shown on the overview: the last 48 hours. */
const trafficHours = 48;
/** Tickets listed at most. */
const ticketLimit = 50;
/** Labelled scores a binary head's curves are drawn from at most. */
const curveSample = 5_000;

/** `value` checked by `schema`; a 422 naming the fields otherwise. */
function parsed<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields = result.error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`);
  throw new HttpError(422, "invalid_input", `Invalid dashboard input (${fields.join("; ")})`);
}

/** The dashboard's handlers. */
/** Stored reports whose columns are kept drawn (the latest per model, and a few before). */
const keptReports = 32;

export function dashboardHandlers(deps: DashboardDependencies) {
  const { db, registry, keys } = deps;
  // A stored report never changes: its columns (a comparison redone from its statistics) are
  // drawn once, not on every view of the drift page.
  const drawn = new Map<string, ReturnType<typeof reportColumns>>();
  const columnsOf = async (id: string) => {
    const kept = drawn.get(id);
    if (kept) return kept;
    const stored = await fromDatabase(() => findDriftReport(db, id));
    const columns = stored ? reportColumns(stored.report) : [];
    if (stored) drawn.set(id, columns);
    if (drawn.size > keptReports) drawn.delete(drawn.keys().next().value!);
    return columns;
  };
  const render = (c: Context, path: string | undefined, content: Html, charts = true) => {
    const title = dashboardPages.find((p) => p.path === path)?.title ?? "Sign in";
    return c.html(
      layout({ title, path, charts, signedIn: keys.required && keys.signedIn(c) }, content),
    );
  };

  return {
    overview: async (c: Context) => {
      const since = new Date(Date.now() - trafficHours * 3600_000);
      // One moment's counts: the chart's buckets add up to the total beside it.
      const { requestHistory } = deps;
      const requests = {
        total: requestHistory.total(),
        buckets: requestHistory.buckets(),
        bucketMs: requestHistory.bucketMs,
      };
      const [traffic, alerts, deployments] = await Promise.all([
        fromDatabase(() => trafficByHour(db, since)),
        fromDatabase(() => listOpenAlerts(db)),
        Promise.all(
          registry.configured.map((name) => fromDatabase(() => listDeployments(db, name))),
        ),
      ]);
      const models = registry.status().map((status, i) => {
        const roles = (["champion", "challenger"] as const).flatMap((role): ServedRole[] => {
          const served = role === "champion"
            ? registry.champion(status.name)
            : registry.challenger(status.name);
          if (!served) return [];
          // The newest load of what is served: the pointer commit that brought it in.
          const loaded = deployments[i].find((d) =>
            d.role === role && d.event === "loaded" && d.version === served.version
          );
          return [{
            role,
            version: served.version,
            since: served.loadedAt,
            modelHash: served.modelHash,
            environment: loaded?.environment,
            pinnedBy: loaded,
          }];
        });
        return { name: status.name, roles, problem: status.problem };
      });
      const log = deps.writerStats();
      return render(
        c,
        dashboardPaths.overview,
        overviewPage({ models, traffic, requests, log, alerts }),
      );
    },

    model: async (c: Context) => {
      const query = parsed(ModelQuery, c.req.query());
      const name = query.model ?? registry.configured[0];
      if (!registry.configured.includes(name)) throw new NotFoundError("model", name);
      const served = registry.champion(name);
      const binary = served?.entry.codec.heads.length === 1 &&
        served.entry.codec.heads[0].classes.length === 2;
      const [accuracy, deployments, agreement, labelled] = await Promise.all([
        fromDatabase(() => productionAccuracy(db, name)),
        fromDatabase(() => listDeployments(db, name)),
        fromDatabase(() => challengerAgreement(db, name)),
        binary
          ? fromDatabase(() =>
            labelledScores(db, name, served.entry.codec.heads[0].classes[1], curveSample)
          )
          : [],
      ]);
      const history = await Promise.all(
        historyVersions(deployments).map(async (v) => ({
          ...v,
          metrics: await deps.versionMetrics(name, v.version),
        })),
      );
      return render(
        c,
        dashboardPaths.model,
        modelPage({
          models: registry.configured,
          name,
          served: served &&
            { version: served.version, metrics: served.metrics, threshold: served.threshold },
          accuracy,
          deployments,
          history,
          agreement,
          labelled,
        }),
      );
    },

    drift: async (c: Context) => {
      const latest = await fromDatabase(() => latestDriftReports(db));
      const reports = await Promise.all(
        latest.map(async (report) => ({ report, columns: await columnsOf(report.id) })),
      );
      return render(c, dashboardPaths.drift, driftPage(reports));
    },

    report: async (c: Context) => {
      const { id } = parsed(ReportParam, c.req.param());
      const stored = await fromDatabase(() => findDriftReport(db, id));
      if (!stored) throw new NotFoundError("report", id);
      // The stored report's own page inlines its script and style: its own, narrower policy.
      c.header(
        "content-security-policy",
        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      );
      return c.html(
        reportHtml(stored.report, `Monitoring: ${stored.modelName} ${stored.modelVersion}`),
      );
    },

    reportJson: async (c: Context) => {
      const { id } = parsed(ReportParam, c.req.param());
      const stored = await fromDatabase(() => findDriftReport(db, id));
      if (!stored) throw new NotFoundError("report", id);
      return c.json(stored.report);
    },

    tickets: async (c: Context) => {
      const query = parsed(TicketQuery, c.req.query());
      const rows = await fromDatabase(() =>
        recentTicketTriage(db, {
          topic: query.topic,
          urgency: query.urgency,
          needsReview: query.review === undefined ? undefined : query.review === "needed",
          limit: ticketLimit,
        })
      );
      // The knowledge base's reply (no LLM call while a page renders).
      const tickets = await Promise.all(rows.map(async (row) => ({
        ...row,
        reply: (await suggestReply({
          subject: row.subject,
          body: row.body,
          topic: row.topic as Topic,
          urgency: row.urgency as Urgency,
          language: row.language === "fr" ? "fr" : "en",
        }, { kb: deps.kb })).text,
      })));
      const saved = query.saved && rows.find((r) => r.predictionId === query.saved)?.subject;
      return render(c, dashboardPaths.tickets, ticketsPage({ query, tickets, saved }));
    },

    feedback: async (c: Context) => {
      const form = parsed(FeedbackForm, await c.req.parseBody());
      for (const head of ["topic", "urgency"] as const) {
        await storeFeedback(db, deps.sink, {
          prediction_id: form.prediction_id,
          head,
          label: form[head],
          comment: "dashboard",
        });
      }
      const back = ticketQueryString(
        parsed(TicketQuery, Object.fromEntries(new URLSearchParams(form.back))),
      );
      const separator = back ? "&" : "?";
      return c.redirect(
        `${dashboardPaths.tickets}${back}${separator}saved=${form.prediction_id}`,
        303,
      );
    },

    customers: async (c: Context) => {
      const [deciles, highest] = await Promise.all([
        fromDatabase(() => churnRiskDeciles(db)),
        fromDatabase(() => highestRiskCustomers(db, 20)),
      ]);
      const threshold = registry.champion("churn")?.threshold;
      return render(c, dashboardPaths.customers, customersPage({ deciles, highest, threshold }));
    },

    loginForm: (c: Context) => render(c, undefined, loginPage(false), false),

    login: async (c: Context) => {
      const { key } = parsed(LoginForm, await c.req.parseBody());
      if (!keys.accepts(key)) {
        c.status(401);
        return render(c, undefined, loginPage(true), false);
      }
      startSession(c, key);
      return c.redirect(dashboardPaths.overview, 303);
    },

    logout: (c: Context) => {
      endSession(c);
      return c.redirect(keys.required ? dashboardPaths.login : dashboardPaths.overview, 303);
    },

    asset: (c: Context) => {
      const asset = dashboardAssets.get(c.req.param("name") ?? "");
      if (!asset) throw new NotFoundError("asset", c.req.param("name") ?? "");
      c.header("content-type", asset.type);
      c.header("cache-control", "public, max-age=3600");
      return c.body(asset.body);
    },
  };
}

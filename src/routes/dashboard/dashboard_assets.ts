/**
 * The dashboard's static files, served by the app (no CDN): uPlot's browser bundle and
 * stylesheet from its npm package, and the dashboard's own script and stylesheet.
 * @module
 */
import uplotScript from "uplot/dist/uPlot.iife.min.js" with { type: "text" };
import uplotStyle from "uplot/dist/uPlot.min.css" with { type: "text" };
import dashboardScript from "./assets/dashboard.js" with { type: "text" };
import dashboardStyle from "./assets/dashboard.css" with { type: "text" };

const javascript = "application/javascript; charset=utf-8";
const css = "text/css; charset=utf-8";

/** The files under `/dashboard/assets/`, by name. */
export const dashboardAssets: ReadonlyMap<string, { body: string; type: string }> = new Map([
  ["uplot.js", { body: uplotScript, type: javascript }],
  ["uplot.css", { body: uplotStyle, type: css }],
  ["dashboard.js", { body: dashboardScript, type: javascript }],
  ["dashboard.css", { body: dashboardStyle, type: css }],
]);

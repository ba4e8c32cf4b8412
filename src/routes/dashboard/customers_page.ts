/** The customers page: the churn-risk distribution and the highest-risk customers' profiles. */
import { html } from "hono/html";
import type { CustomerRisk } from "../../db/mod.ts";
import { chart, shown } from "./chart.ts";
import type { Html } from "./layout.ts";

/** What the customers page shows. */
export interface CustomersPageData {
  /** Scored customers per tenth of churn probability. */
  deciles: number[];
  highest: CustomerRisk[];
  threshold?: number;
}

/** The customers page's content. */
export function customersPage(data: CustomersPageData): Html {
  const scored = data.deciles.reduce((n, c) => n + c, 0);
  if (scored === 0) {
    return html`<p class="muted">No customer scored yet (POST /v1/customers/{id}/churn).</p>`;
  }
  const labels = data.deciles.map((_, i) => `${i / 10}–${(i + 1) / 10}`);
  return html`
    <ul class="cards">
      <li class="card"><span class="value" id="scored-customers">${scored}</span>
    <span class="label">customers scored</span></li>
      <li
        class="card"><span class="value" id="at-risk-customers">${data.threshold === undefined
          ? "–"
          : data.deciles.slice(Math.floor(data.threshold * 10))
            .reduce(
              (n, c) => n + c,
              0,
            )}</span><span class="label">in the tenths at or above the threshold ${shown(
            data.threshold,
          )}</span></li>
    </ul>
    ${chart("chart-churn-risk", "Customers per churn probability (latest score)", {
      x: labels.map((_, i) => i),
      labels,
      xLabel: "churn probability",
      yLabel: "customers",
      series: [{ label: "customers", kind: "bars", values: data.deciles }],
    })}
    <h2>Highest churn risk</h2>
    <div class="table-wrap" tabindex="0">
      <table id="highest-risk">
        <thead>
          <tr>
            <th scope="col">customer</th>
            <th scope="col" class="num">P(churn)</th>
            <th scope="col" class="num">tenure</th>
            <th scope="col" class="num">monthly</th>
            <th scope="col" class="num">total</th>
            <th scope="col">contract</th>
            <th scope="col">payment</th>
            <th scope="col" class="num">complaints</th>
            <th scope="col">scored</th>
          </tr>
        </thead>
        <tbody>${data.highest.map((c) =>
          html`
            <tr>
              <th scope="row">${c.customerId}</th>
              <td class="num">${shown(c.churnProbability)}</td>
              <td class="num">${c.tenure}</td>
              <td class="num">${shown(c.monthlyCharges)}</td>
              <td class="num">${shown(c.totalCharges)}</td>
              <td>${c.contractType}</td>
              <td>${c.paymentMethod}</td>
              <td class="num">${c.complaints ?? "–"}</td>
              <td>${c.predictedAt}</td>
            </tr>
          `
        )}</tbody>
      </table>
    </div>
  `;
}

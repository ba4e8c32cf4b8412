/**
 * Production's Argo Rollouts canary, offline: the Rollout's steps, each weight judged by the
 * AnalysisTemplate before the canary grows; a new image is a new revision (a canary) where a new
 * pointer is not; and the analysis queries name series, and labels, that the server really
 * exports on /metrics (a scrape of the app), filtered to the canary's pods. Without kubectl the
 * tests are ignored, except in CI, where they fail.
 */
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type K8sObject, renderKustomization, schemaProblems } from "../../src/gitops/manifests.ts";
import { loadConfig } from "../../src/shared/config.ts";
import { substituteArgs, thresholdOf } from "../support/analysis_template.ts";
import { changedByEdit } from "../support/overlay_edit.ts";
import { seedCustomer } from "../support/payloads.ts";
import { assertToolPresent, ignoredWithout, toolMissing } from "../support/system_tool.ts";
import { postJson, testApp } from "../support/test_app.ts";
import { trainedWorkspace } from "../support/trained_models.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const missing = await toolMissing("kubectl", ["version", "--client"]);
const ignore = ignoredWithout("canary_test", missing);

// deno-lint-ignore no-explicit-any
type Any = any;

const ofKind = (objects: K8sObject[], kind: string): Any[] =>
  objects.filter((o) => o.kind === kind);

/** The labels Prometheus adds to every series it scrapes from a pod, and their values here. */
const targetLabels = {
  namespace: "edge-inference-production",
  rollouts_pod_template_hash: "6d5f8b7c9",
};

/** The production overlay's Rollout and its AnalysisTemplate. */
async function productionCanary(): Promise<{ rollout: Any; template: Any; objects: K8sObject[] }> {
  const objects = await renderKustomization(join(root, "gitops/overlays/production"));
  const [rollout] = ofKind(objects, "Rollout");
  const [template] = ofKind(objects, "AnalysisTemplate");
  assert.ok(rollout && template, "production has a Rollout and an AnalysisTemplate");
  return { rollout, template, objects };
}

Deno.test({
  name: "production's canary: 10% then 50%, each judged by the analysis before it grows",
  ignore,
  async fn() {
    assertToolPresent(missing);
    const { rollout, template, objects } = await productionCanary();
    const deployment = ofKind(objects, "Deployment")[0];
    assert.deepEqual(rollout.spec.workloadRef, {
      apiVersion: "apps/v1",
      kind: "Deployment",
      name: deployment.metadata.name,
      scaleDown: "progressively",
    });
    assert.equal(rollout.spec.template, undefined, "the pods are the Deployment's template");
    const canary = rollout.spec.strategy.canary;
    assert.equal(canary.trafficRouting, undefined, "replica-based: no mesh, one Service");
    assert.equal(canary.maxUnavailable, 0);
    assert.equal(rollout.spec.progressDeadlineAbort, true);

    // setWeight, a pause for traffic and scrapes, then the analysis: twice, and the analysis is
    // the last step, so the canary becomes stable (100%) only once the last analysis passed.
    const steps: Any[] = canary.steps;
    assert.deepEqual(steps.map((step) => Object.keys(step)[0]), [
      "setWeight",
      "pause",
      "analysis",
      "setWeight",
      "pause",
      "analysis",
    ]);
    assert.deepEqual(steps.filter((s) => "setWeight" in s).map((s) => s.setWeight), [10, 50]);
    for (const pause of steps.filter((s) => "pause" in s)) {
      assert.match(pause.pause.duration, /^\d+m$/, "a timed pause, not one waiting for a human");
    }
    const required = template.spec.args.filter((arg: Any) => arg.value === undefined);
    assert.deepEqual(required.map((arg: Any) => arg.name).sort(), ["canary-hash", "namespace"]);
    for (const { analysis } of steps.filter((s) => "analysis" in s)) {
      assert.deepEqual(analysis.templates, [{ templateName: template.metadata.name }]);
      const args = Object.fromEntries(analysis.args.map((a: Any) => [a.name, a.valueFrom]));
      assert.deepEqual(args, {
        "canary-hash": { podTemplateHashValue: "Latest" },
        namespace: { fieldRef: { fieldPath: "metadata.namespace" } },
      });
    }
    assert.equal(template.metadata.namespace, rollout.metadata.namespace);

    // Staging keeps the plain Deployment.
    const staging = await renderKustomization(join(root, "gitops/overlays/staging"));
    assert.deepEqual(ofKind(staging, "Rollout"), []);
    assert.deepEqual(ofKind(staging, "AnalysisTemplate"), []);

    // The schemas do find a bad Rollout or AnalysisTemplate.
    const badRollout = structuredClone(rollout);
    badRollout.spec.strategy.canary.steps[0].setWeight = "ten";
    assert.match(schemaProblems([badRollout]).join(), /^Rollout\/edge-inference: .*setWeight/);
    const badTemplate = structuredClone(template);
    delete badTemplate.spec.metrics[0].provider;
    assert.match(
      schemaProblems([badTemplate]).join(),
      /^AnalysisTemplate\/edge-inference-canary: .*provider/,
    );
  },
});

Deno.test({
  name: "a new image is a new revision of the Rollout's template (a canary); a pointer is not",
  ignore,
  async fn() {
    assertToolPresent(missing);
    const overlay = "overlays/production";
    const kustomization = (gitops: string) => join(gitops, overlay, "kustomization.yaml");
    const changed = await changedByEdit(root, overlay, async (gitops) => {
      const text = await readFile(kustomization(gitops), "utf8");
      assert.match(text, /newTag: "0\.1\.0"/);
      await writeFile(kustomization(gitops), text.replace('newTag: "0.1.0"', 'newTag: "0.2.0"'));
    });
    assert.deepEqual(changed.map((o) => o.kind).sort(), ["CronJob", "Deployment"]);
    const deployment = changed.find((o) => o.kind === "Deployment") as Any;
    assert.match(deployment.spec.template.spec.containers[0].image, /:0\.2\.0$/);
    const { rollout } = await productionCanary();
    assert.equal(rollout.spec.workloadRef.name, deployment.metadata.name);

    // A new pointer changes the ConfigMap only (manifests_test.ts): no new revision, no canary.
    const byPointer = await changedByEdit(
      root,
      overlay,
      (gitops) =>
        writeFile(join(gitops, overlay, "model-pointer.yaml"), "models: {}\n# another pin\n"),
    );
    assert.deepEqual(byPointer.map((o) => `${o.kind}/${o.metadata.name}`), [
      "ConfigMap/model-pointer",
    ]);
  },
});

/** A scrape's series: each sample name with the label names and values it carries. */
function seriesOf(scrape: string): Map<string, Map<string, Set<string>>> {
  const series = new Map<string, Map<string, Set<string>>>();
  for (const line of scrape.split("\n")) {
    const sample = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? \S+$/.exec(line);
    if (!sample) continue;
    const labels = series.get(sample[1]) ?? new Map<string, Set<string>>();
    series.set(sample[1], labels);
    for (const [, name, value] of (sample[2] ?? "").matchAll(/(\w+)="([^"]*)"/g)) {
      labels.set(name, (labels.get(name) ?? new Set()).add(value));
    }
  }
  return series;
}

Deno.test({
  name: "the analysis reads series the server exports, with their labels, from the canary only",
  ignore,
  async fn() {
    assertToolPresent(missing);
    const { template } = await productionCanary();
    const workspace = await trainedWorkspace();
    const app = await testApp(workspace);
    let scrape: string;
    try {
      const predict = await app.app.request(
        "/v1/models/churn/predict",
        postJson({ instances: [seedCustomer] }),
      );
      assert.equal(predict.status, 200);
      for (const path of ["/health", "/ready", "/metrics", "/no-such-route"]) {
        await (await app.app.request(path)).body?.cancel();
      }
      scrape = await (await app.app.request("/metrics")).text();
    } finally {
      await app.close();
      await Deno.remove(workspace.root, { recursive: true });
    }
    const series = seriesOf(scrape);
    const routes = series.get("http_requests_total")?.get("route") ?? new Set();
    for (const route of ["/health", "/ready", "/metrics", "/v1/models/churn/predict"]) {
      assert.ok(routes.has(route), `the server labels ${route} requests route="${route}"`);
    }

    const args = {
      "prometheus-address": template.spec.args
        .find((arg: Any) => arg.name === "prometheus-address").value,
      "canary-hash": targetLabels.rollouts_pod_template_hash,
      namespace: targetLabels.namespace,
    };
    const metrics: Any[] = template.spec.metrics;
    assert.deepEqual(metrics.map((m) => m.name), [
      "error-rate",
      "latency-p99",
      "prediction-log-drops",
    ]);
    const selectorsRead = new Set<string>();
    for (const metric of metrics) {
      assert.equal(metric.provider.prometheus.address, "{{args.prometheus-address}}");
      const query = substituteArgs(metric.provider.prometheus.query, args);
      const selectors = [...query.matchAll(/([a-zA-Z_:][\w:]*)\{([^}]*)\}/g)];
      assert.ok(selectors.length > 0, metric.name);
      for (const [, name, matchers] of selectors) {
        selectorsRead.add(name);
        const labels = series.get(name);
        assert.ok(labels, `${metric.name}: the server exports ${name}`);
        const matched = new Map(
          [...matchers.matchAll(/(\w+)\s*(=~|!~|!=|=)\s*"([^"]*)"/g)].map((
            [, label, op, value],
          ) => [label, { op, value }]),
        );
        // Only the canary's pods: the namespace and the revision's hash, on every selector.
        for (const [label, value] of Object.entries(targetLabels)) {
          assert.deepEqual(matched.get(label), { op: "=", value }, `${metric.name}: ${label}`);
        }
        for (const [label, { op, value }] of matched) {
          if (label in targetLabels) continue;
          assert.ok(labels.has(label), `${metric.name}: ${name} has the label ${label}`);
          if (label === "route") {
            assert.equal(op, "!~");
            for (const route of value.split("|")) {
              assert.ok(labels.get(label)!.has(route), `${metric.name}: route ${route} exists`);
            }
          }
        }
      }
    }
    assert.deepEqual([...selectorsRead].sort(), [
      "http_request_duration_seconds_bucket",
      "http_requests_total",
      "prediction_log_dropped_total",
    ]);

    // Each condition is one threshold on the first sample; no sample (no client reached the
    // canary) matches neither, and the measurement is inconclusive (canary_analysis_test.ts).
    assert.deepEqual(Object.fromEntries(metrics.map((m) => [m.name, thresholdOf(m).limit])), {
      "error-rate": 0.01,
      "latency-p99": loadConfig({}).LATENCY_P99_BUDGET_MS / 1000,
      "prediction-log-drops": 0,
    });
  },
});

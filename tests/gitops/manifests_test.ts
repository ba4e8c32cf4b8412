/**
 * The Kubernetes and Argo CD manifests, offline: every overlay rendered by `kubectl kustomize`
 * and every object validated against its schema; the server's probes, resources and security
 * context, its HPA and PDB, the pointer reaching the pod as a ConfigMap whose change is not a
 * restart, secrets only by reference; one Argo CD Application per environment. Without kubectl
 * the tests are ignored, except in CI, where they fail.
 */
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join, posix } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { listEnvironments } from "../../src/gitops/environments.ts";
import { type K8sObject, renderKustomization, schemaProblems } from "../../src/gitops/manifests.ts";
import { configVariables } from "../../src/shared/config.ts";
import { s3Variables } from "../../src/dvc/mod.ts";
import { denoTask, isolatedEnv, runDeno } from "../support/server_process.ts";
import { assertToolPresent, ignoredWithout, toolMissing } from "../support/system_tool.ts";
import { changedByEdit } from "../support/overlay_edit.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const missing = await toolMissing("kubectl", ["version", "--client"]);
const ignore = ignoredWithout("manifests_test", missing);
const environments = listEnvironments(root);

/** Variables whose values are secrets: they may only come from a Secret. */
const secretVariables = [
  "DATABASE_URL",
  "DVC_REMOTE_URL",
  "API_KEYS",
  "ADMIN_API_KEYS",
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "ALERT_WEBHOOK_URL",
  "ALERT_WEBHOOK_SECRET",
  "GITHUB_TOKEN",
];

// deno-lint-ignore no-explicit-any
type Any = any;

/** The final stage's USER and WORKDIR of the image the manifests run. */
async function imageUser(): Promise<{ user: string; workdir: string }> {
  const text = await readFile(join(root, "Dockerfile"), "utf8");
  const final = text.slice(text.lastIndexOf("\nFROM "));
  return {
    user: /^USER (\S+)$/m.exec(final)![1],
    workdir: /^WORKDIR (\S+)$/m.exec(final)![1],
  };
}

const one = (objects: K8sObject[], kind: string): Any => {
  const found = objects.filter((o) => o.kind === kind);
  assert.equal(found.length, 1, `one ${kind}`);
  return found[0];
};

Deno.test({
  name: "every overlay renders with kubectl and every object validates against its schema",
  ignore,
  async fn() {
    assertToolPresent(missing);
    assert.deepEqual(environments, ["production", "staging"]);
    for (const dir of [...environments.map((env) => `gitops/overlays/${env}`), "gitops/argocd"]) {
      const objects = await renderKustomization(join(root, dir));
      assert.ok(objects.length > 0, dir);
      assert.deepEqual(schemaProblems(objects), [], dir);
    }
    // The validation does find a bad object.
    const [deployment] = (await renderKustomization(join(root, "gitops/overlays/staging")))
      .filter((o) => o.kind === "Deployment") as Any[];
    deployment.spec.replicas = "two";
    deployment.spec.template.spec.containers[0].readinessProbe.periodSeconds = "often";
    const problems = schemaProblems([deployment]);
    assert.equal(problems.length, 1);
    assert.match(problems[0], /^Deployment\/edge-inference: .*replicas.*/);
    assert.deepEqual(
      schemaProblems([{ apiVersion: "v9", kind: "Nope", metadata: { name: "x" } }]),
      [
        "Nope/x: no schema for v9 Nope",
      ],
    );
  },
});

Deno.test({
  name:
    "the server: probes, resources, non-root on a read-only root, HPA, PDB, secrets by reference",
  ignore,
  async fn() {
    assertToolPresent(missing);
    const image = await imageUser();
    for (const env of environments) {
      const objects = await renderKustomization(join(root, "gitops/overlays", env));
      assert.ok(objects.every((o) => o.metadata.namespace === `edge-inference-${env}`));
      assert.ok(!objects.some((o) => o.kind === "Secret"), "no Secret in git");
      const deployment = one(objects, "Deployment");
      const pod = deployment.spec.template.spec;
      const [server] = pod.containers;
      assert.equal(server.readinessProbe.httpGet.path, "/ready");
      assert.equal(server.livenessProbe.httpGet.path, "/health");
      assert.equal(server.startupProbe.httpGet.path, "/health");
      for (const probe of ["readinessProbe", "livenessProbe", "startupProbe"]) {
        assert.equal(server[probe].httpGet.port, "http");
      }
      assert.equal(server.ports[0].containerPort, 8000);
      for (const kind of ["requests", "limits"]) {
        assert.ok(server.resources[kind].cpu && server.resources[kind].memory, kind);
      }
      assert.equal(pod.securityContext.runAsNonRoot, true);
      assert.equal(String(pod.securityContext.runAsUser), image.user, "the image's USER");
      assert.equal(server.securityContext.readOnlyRootFilesystem, true);
      assert.equal(server.securityContext.allowPrivilegeEscalation, false);
      assert.deepEqual(server.securityContext.capabilities.drop, ["ALL"]);
      assert.deepEqual(server.volumeMounts.find((m: Any) => m.name === "tmp")?.mountPath, "/tmp");
      assert.equal(pod.automountServiceAccountToken, false);

      // Production's pods are its Rollout's, from the Deployment's template (canary_test.ts):
      // the autoscaler scales whichever runs them.
      const rollout = objects.find((o) => o.kind === "Rollout") as Any;
      const workload = rollout ?? deployment;
      if (rollout) {
        assert.equal(rollout.spec.workloadRef.name, deployment.metadata.name);
        assert.deepEqual(rollout.spec.selector, deployment.spec.selector);
      }
      const hpa = one(objects, "HorizontalPodAutoscaler");
      assert.deepEqual(hpa.spec.scaleTargetRef, {
        apiVersion: workload.apiVersion,
        kind: workload.kind,
        name: workload.metadata.name,
      });
      assert.ok(hpa.spec.minReplicas >= 1 && hpa.spec.minReplicas <= hpa.spec.maxReplicas);
      assert.equal(hpa.spec.metrics[0].resource.name, "cpu");
      const pdb = one(objects, "PodDisruptionBudget");
      const podLabels = deployment.spec.template.metadata.labels;
      for (const [key, value] of Object.entries(pdb.spec.selector.matchLabels)) {
        assert.equal(podLabels[key], value, `the PDB selects the server's pods (${key})`);
      }
      const service = one(objects, "Service");
      for (const [key, value] of Object.entries(service.spec.selector)) {
        assert.equal(podLabels[key], value, `the Service selects the server's pods (${key})`);
      }

      const cron = one(objects, "CronJob");
      const job = cron.spec.jobTemplate.spec.template.spec;
      assert.deepEqual(job.containers[0].args, ["task", "monitor"]);
      assert.equal(job.containers[0].image, server.image);
      assert.equal(cron.spec.concurrencyPolicy, "Forbid");
      assert.equal(job.securityContext.runAsNonRoot, true);
      assert.equal(job.containers[0].securityContext.readOnlyRootFilesystem, true);

      // Every variable set is one the product reads; every secret one comes from a Secret.
      const known = new Set<string>([...configVariables, ...s3Variables]);
      for (const container of [server, job.containers[0]]) {
        for (const variable of container.env) {
          assert.ok(known.has(variable.name), `${variable.name} is read by the product`);
          if (secretVariables.includes(variable.name)) {
            assert.equal(variable.value, undefined, `${variable.name} has no value in git`);
            assert.equal(variable.valueFrom.secretKeyRef.name, "edge-inference");
          }
        }
      }
      const serverEnv = server.env.map((v: Any) => v.name);
      for (const name of ["DATABASE_URL", "DVC_REMOTE_URL", "API_KEYS", "ADMIN_API_KEYS"]) {
        assert.ok(serverEnv.includes(name), `the server reads ${name} from the Secret`);
      }
      const jobEnv = job.containers[0].env.map((v: Any) => v.name);
      for (const name of ["ALERT_WEBHOOK_URL", "ALERT_WEBHOOK_SECRET", "GITHUB_TOKEN"]) {
        assert.ok(jobEnv.includes(name), `the monitor reads ${name} from the Secret`);
      }
    }
  },
});

Deno.test({
  name: "the pointer reaches the pod where the server watches it; a new pointer is no restart",
  ignore,
  async fn() {
    assertToolPresent(missing);
    const image = await imageUser();
    for (const env of environments) {
      const overlay = join(root, "gitops/overlays", env);
      const objects = await renderKustomization(overlay);
      const configMap = objects.find((o) => o.kind === "ConfigMap") as Any;
      const pointerText = await readFile(join(overlay, "model-pointer.yaml"), "utf8");
      assert.equal(configMap.data["model-pointer.yaml"], pointerText);
      const pod = one(objects, "Deployment").spec.template.spec;
      const volume = pod.volumes.find((v: Any) => v.configMap?.name === configMap.metadata.name);
      assert.ok(volume, "the pod mounts the pointer's ConfigMap by its unhashed name");
      const [server] = pod.containers;
      const mount = server.volumeMounts.find((m: Any) => m.name === volume.name);
      assert.equal(mount.subPath, undefined, "a subPath mount would never see an update");
      const pointerPath = server.env.find((v: Any) => v.name === "MODEL_POINTER_PATH").value;
      assert.equal(
        posix.resolve(image.workdir, pointerPath),
        posix.join(mount.mountPath, "model-pointer.yaml"),
        "MODEL_POINTER_PATH names the mounted file",
      );
      assert.ok(
        posix.resolve(image.workdir, pointerPath).startsWith(`${image.workdir}/`),
        "inside the working directory, which the server may read (--allow-read=.)",
      );
    }

    // A promotion changes the ConfigMap's data only: the pod template, and so the pods, stay
    // (in production too, where a new template would be a canary rollout: canary_test.ts).
    for (const env of environments) {
      const changed = await changedByEdit(root, `overlays/${env}`, (gitops) =>
        writeFile(
          join(gitops, "overlays", env, "model-pointer.yaml"),
          "models:\n  churn:\n    version: 20260101T000000Z-00000000\nmodels_dvc_md5: 0123456789abcdef0123456789abcdef.dir\n",
        ));
      assert.deepEqual(changed.map((o) => `${o.kind}/${o.metadata.name}`), [
        "ConfigMap/model-pointer",
      ], env);
      assert.equal(
        parse((changed[0] as Any).data["model-pointer.yaml"]).models.churn.version,
        "20260101T000000Z-00000000",
      );
    }
  },
});

Deno.test({
  name: "Argo CD: one Application per environment; staging syncs itself, production waits",
  ignore,
  async fn() {
    assertToolPresent(missing);
    const objects = await renderKustomization(join(root, "gitops/argocd"));
    const project = one(objects, "AppProject");
    const applications = objects.filter((o) => o.kind === "Application") as Any[];
    assert.deepEqual(
      applications.map((a) => a.spec.source.path).sort(),
      environments.map((env) => `gitops/overlays/${env}`),
    );
    for (const application of applications) {
      const env = application.spec.source.path.split("/").at(-1);
      assert.equal(application.metadata.namespace, "argocd");
      assert.equal(application.spec.project, project.metadata.name);
      assert.equal(application.spec.destination.namespace, `edge-inference-${env}`);
      assert.ok(project.spec.sourceRepos.includes(application.spec.source.repoURL));
      assert.ok(
        project.spec.destinations.some((d: Any) =>
          d.namespace === application.spec.destination.namespace
        ),
      );
      const rendered = await renderKustomization(join(root, application.spec.source.path));
      for (const object of rendered) {
        assert.ok(
          project.spec.namespaceResourceWhitelist.some((w: Any) =>
            w.kind === object.kind &&
            w.group === (object.apiVersion.includes("/") ? object.apiVersion.split("/")[0] : "")
          ),
          `the project allows ${object.kind}`,
        );
      }
    }
    const byEnv = Object.fromEntries(
      applications.map((a) => [a.spec.source.path.split("/").at(-1), a.spec.syncPolicy]),
    );
    assert.deepEqual(byEnv.staging.automated, { prune: true, selfHeal: true });
    assert.equal(byEnv.production.automated, undefined, "production is synced by hand");
  },
});

Deno.test({
  name: "deno task gitops:validate renders and validates with its own permissions",
  ignore,
  async fn() {
    assertToolPresent(missing);
    const task = denoTask(join(root, "deno.json"), "gitops:validate");
    const { code, output } = await runDeno(task.args, root, isolatedEnv(task.env));
    assert.equal(code, 0, output);
    for (const dir of ["gitops/overlays/production", "gitops/overlays/staging", "gitops/argocd"]) {
      assert.match(output, new RegExp(`✓ ${dir}: \\d+ objects`));
    }
  },
});

/**
 * The Kubernetes side checked offline: each overlay rendered by `kubectl kustomize` (the
 * Kustomize that Argo CD runs), and every object validated against its schema (Kubernetes' own,
 * Argo CD's and Argo Rollouts', from the `kubernetes-models` packages). No cluster is needed.
 */
import { parseAllDocuments } from "yaml";
import { ConfigMap } from "kubernetes-models/v1/ConfigMap";
import { Namespace } from "kubernetes-models/v1/Namespace";
import { Secret } from "kubernetes-models/v1/Secret";
import { Service } from "kubernetes-models/v1/Service";
import { ServiceAccount } from "kubernetes-models/v1/ServiceAccount";
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import { CronJob } from "kubernetes-models/batch/v1/CronJob";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import { AppProject } from "@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject";
import { Application } from "@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application";
import { Rollout } from "@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/Rollout";
import { AnalysisTemplate } from "@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/AnalysisTemplate";

/** One rendered object, as kubectl printed it. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [key: string]: unknown };
  [key: string]: unknown;
}

// deno-lint-ignore no-explicit-any
type Model = new (data: any) => { validate(): void };

/** The schema of each kind the manifests may hold; any other kind is refused. */
const models: Record<string, Model> = {
  "v1/ConfigMap": ConfigMap,
  "v1/Namespace": Namespace,
  "v1/Secret": Secret,
  "v1/Service": Service,
  "v1/ServiceAccount": ServiceAccount,
  "apps/v1/Deployment": Deployment,
  "autoscaling/v2/HorizontalPodAutoscaler": HorizontalPodAutoscaler,
  "batch/v1/CronJob": CronJob,
  "policy/v1/PodDisruptionBudget": PodDisruptionBudget,
  "argoproj.io/v1alpha1/AppProject": AppProject,
  "argoproj.io/v1alpha1/Application": Application,
  "argoproj.io/v1alpha1/Rollout": Rollout,
  "argoproj.io/v1alpha1/AnalysisTemplate": AnalysisTemplate,
};

/** Runs `kubectl kustomize <dir>` and returns the objects it printed. */
export async function renderKustomization(dir: string): Promise<K8sObject[]> {
  let output: Deno.CommandOutput;
  try {
    output = await new Deno.Command("kubectl", {
      args: ["kustomize", dir],
      stdout: "piped",
      stderr: "piped",
    }).output();
  } catch (error) {
    throw new Error(`Cannot run kubectl (install it: apt-get install kubectl): ${error}`);
  }
  const decoder = new TextDecoder();
  if (!output.success) {
    throw new Error(`kubectl kustomize ${dir} failed: ${decoder.decode(output.stderr).trim()}`);
  }
  return parseAllDocuments(decoder.decode(output.stdout))
    .map((document) => document.toJS() as K8sObject | null)
    .filter((object): object is K8sObject => object !== null);
}

/** The schema problems of `objects`, one line each (none when every object is valid). */
export function schemaProblems(objects: readonly K8sObject[]): string[] {
  const problems: string[] = [];
  for (const object of objects) {
    const name = `${object.kind}/${object.metadata?.name}`;
    const model = models[`${object.apiVersion}/${object.kind}`];
    if (!model) {
      problems.push(`${name}: no schema for ${object.apiVersion} ${object.kind}`);
      continue;
    }
    try {
      new model(object).validate();
    } catch (error) {
      problems.push(`${name}: ${error instanceof Error ? error.message : error}`);
    }
  }
  return problems;
}

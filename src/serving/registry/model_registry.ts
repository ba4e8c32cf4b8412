import { DomainError, NotFoundError } from "../../domain/errors.ts";
import type { ServedModel } from "./served_model.ts";

export type ModelRole = "champion" | "challenger";

/** Whether a configured model can serve, and why not (per role: a challenger may be refused). */
export interface ModelStatus {
  name: string;
  champion?: { version: string; loadedAt: Date };
  challenger?: { version: string };
  problem?: string;
  challengerProblem?: string;
}

/** A configured model with no champion loaded (yet, or since a refused load); `problem` says why. */
export class ModelNotReadyError extends DomainError {
  constructor(readonly model: string, readonly problem?: string) {
    super(`No version of model "${model}" is loaded${problem ? `: ${problem}` : ""}`);
  }
}

/**
 * The versions being served. A swap replaces one map entry: requests see the old version
 * or the new one, never a mix, and scoring is synchronous so none is in flight.
 */
export class ModelRegistry {
  #champions = new Map<string, ServedModel>();
  #challengers = new Map<string, ServedModel>();
  #problems = { champion: new Map<string, string>(), challenger: new Map<string, string>() };

  constructor(readonly configured: readonly string[]) {}

  champion(name: string): ServedModel | undefined {
    return this.#champions.get(name);
  }

  /**
   * The champion serving `name`, for a request: a `NotFoundError` for a model this server is
   * not configured for, a `ModelNotReadyError` (with the recorded problem) while none is loaded.
   */
  require(name: string): ServedModel {
    if (!this.configured.includes(name)) throw new NotFoundError("model", name);
    const served = this.#champions.get(name);
    if (!served) throw new ModelNotReadyError(name, this.#problems.champion.get(name));
    return served;
  }

  challenger(name: string): ServedModel | undefined {
    return this.#challengers.get(name);
  }

  /** Serves `served` in `role`, disposing the version it replaces. */
  swap(role: ModelRole, served: ServedModel | undefined, name: string): void {
    const map = role === "champion" ? this.#champions : this.#challengers;
    const previous = map.get(name);
    if (served) map.set(name, served);
    else map.delete(name);
    if (previous && previous !== served) previous.network.dispose();
  }

  /** Records why a role of a model is not (or not fully) serving; undefined clears it. */
  setProblem(name: string, problem: string | undefined, role: ModelRole = "champion"): void {
    if (problem) this.#problems[role].set(name, problem);
    else this.#problems[role].delete(name);
  }

  status(): ModelStatus[] {
    return this.configured.map((name) => {
      const champion = this.#champions.get(name);
      const challenger = this.#challengers.get(name);
      return {
        name,
        ...(champion
          ? { champion: { version: champion.version, loadedAt: champion.loadedAt } }
          : {}),
        ...(challenger ? { challenger: { version: challenger.version } } : {}),
        ...(this.#problems.champion.has(name)
          ? { problem: this.#problems.champion.get(name) }
          : {}),
        ...(this.#problems.challenger.has(name)
          ? { challengerProblem: this.#problems.challenger.get(name) }
          : {}),
      };
    });
  }

  /** Every served champion. */
  servedChampions(): ServedModel[] {
    return [...this.#champions.values()];
  }
}

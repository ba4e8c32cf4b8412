/**
 * What a ticket's problem does to the business, and the urgency that follows from it. The
 * label is a function of the impact (who is affected, how badly, whether there is a way
 * around it, a deadline, a security exposure), never of the words: the text states each fact
 * only with some chance, in many phrasings, and "URGENT!!!" is drawn independently of all of
 * them, as real users shout about mice and stay polite about outages.
 * @module
 */
import type { Topic, Urgency } from "../../domain/ticket.ts";
import type { Random } from "../../ml/random.ts";

/** Who the problem stops. */
export type Scope = "one" | "team" | "site";
/** How badly: a question or a nuisance, a degraded service, or nothing works. */
export type Severity = "minor" | "degraded" | "blocked";
/** When it must work again. */
export type Deadline = "none" | "soon" | "now";

/** The facts behind a ticket's urgency. */
export interface Impact {
  readonly scope: Scope;
  readonly severity: Severity;
  /** Another way to get the work done meanwhile. */
  readonly workaround: boolean;
  readonly deadline: Deadline;
  /** Credentials, data or a device may be in the wrong hands. */
  readonly exposure: boolean;
}

/**
 * The urgency a help desk gives an impact (the generator's labelling rule, the policy of
 * `eval/README.md`): a whole site stopped or a security incident beyond one person is
 * critical, as is a team stopped on the day of a deadline with no way around it; one person
 * or a team fully blocked is high; a degraded service is medium unless nothing replaces it
 * for a team; a question or a nuisance is low.
 */
export function urgencyOf(impact: Impact): Urgency {
  const { scope, severity, workaround, deadline, exposure } = impact;
  if (exposure) return scope === "one" ? "high" : "critical";
  if (severity === "minor") return "low";
  if (severity === "degraded") {
    if (scope === "one") return deadline === "now" && !workaround ? "high" : "medium";
    return workaround ? "medium" : "high";
  }
  if (scope === "site") return "critical";
  if (scope === "team") return deadline === "now" && !workaround ? "critical" : "high";
  return workaround ? "medium" : "high";
}

const scopes = { one: 0.62, team: 0.23, site: 0.15 } as const;
const severities = { minor: 0.3, degraded: 0.35, blocked: 0.35 } as const;
const requestSeverities = { minor: 0.7, degraded: 0.1, blocked: 0.2 } as const;
const deadlines = { none: 0.55, soon: 0.2, now: 0.25 } as const;
/** A question or a nuisance seldom comes with a date: nothing hangs on it. */
const minorDeadlines = { none: 0.85, soon: 0.1, now: 0.05 } as const;
const MAX_DRAWS = 500;

/**
 * An impact whose urgency is `urgency`, drawn from the priors conditioned on it (rejection
 * sampling): the label mix stays the profile's while the facts vary freely within a level.
 */
export function drawImpact(
  random: Random,
  urgency: Urgency,
  intent: { topic: Topic; request?: boolean },
): Impact {
  for (let draw = 0; draw < MAX_DRAWS; draw++) {
    const severity = random.weighted(intent.request ? requestSeverities : severities);
    const impact: Impact = {
      // A question or a nuisance is one person's: a whole office does not ask about fonts.
      scope: severity === "minor" ? "one" : random.weighted(scopes),
      severity,
      workaround: random.chance(0.35),
      deadline: random.weighted(severity === "minor" ? minorDeadlines : deadlines),
      exposure: intent.topic === "security" && !intent.request && random.chance(0.45),
    };
    if (urgencyOf(impact) === urgency) return impact;
  }
  throw new Error(`Cannot draw an impact of urgency "${urgency}" for a ${intent.topic} ticket`);
}

import { openScratchPostgres } from "../support/postgres.ts";
import { alertConditionsSuite } from "./alert_conditions_suite.ts";

alertConditionsSuite("Postgres through the Neon driver", openScratchPostgres);

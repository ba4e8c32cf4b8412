import { openScratchPostgres } from "../support/postgres.ts";
import { qualitySuite } from "./quality_suite.ts";

qualitySuite("Postgres through the Neon driver", openScratchPostgres);

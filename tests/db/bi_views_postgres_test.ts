import { openScratchPostgres } from "../support/postgres.ts";
import { biViewsSuite } from "./bi_views_suite.ts";

biViewsSuite("Postgres through the Neon driver", openScratchPostgres);

import { openScratchPostgres } from "../support/postgres.ts";
import { repositorySuite } from "../support/repository_suite.ts";

repositorySuite("Postgres through the Neon driver", openScratchPostgres);

import { openDatabase } from "../../src/db/client.ts";
import { repositorySuite } from "../support/repository_suite.ts";

repositorySuite("embedded PGlite", () => openDatabase({ PGLITE_DIR: "memory://" }));

import { openDatabase } from "../../src/db/client.ts";
import { repositorySuite } from "./repository_suite.ts";

repositorySuite("embedded PGlite", () => openDatabase({ PGLITE_DIR: "memory://" }));

import { openDatabase } from "../../src/db/mod.ts";
import { biViewsSuite } from "./bi_views_suite.ts";

biViewsSuite("embedded PGlite", () => openDatabase({ PGLITE_DIR: "memory://" }));

import { openDatabase } from "../../src/db/mod.ts";
import { alertConditionsSuite } from "./alert_conditions_suite.ts";

alertConditionsSuite("embedded PGlite", () => openDatabase({ PGLITE_DIR: "memory://" }));

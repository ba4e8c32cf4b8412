import { openDatabase } from "../../src/db/client.ts";
import { qualitySuite } from "./quality_suite.ts";

qualitySuite("embedded PGlite", () => openDatabase({ PGLITE_DIR: "memory://" }));

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type ImportEdge,
  importsOf,
  modFolders,
  productImports,
  sourceFiles,
  violations,
} from "../support/import_graph.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

Deno.test("src/ follows the layers: no tooling, no import up, no folder cycle, mod.ts faces", () => {
  const edges = productImports(root);
  assert.ok(edges.length > 300, `only ${edges.length} imports read: is the parser broken?`);
  assert.deepEqual(violations(edges, modFolders(root)), []);
});

Deno.test("the import reader finds every way a module is reached", () => {
  const source = [
    'import { a } from "../ml/training/train.ts";',
    'import type { B } from "./b.ts";',
    "import {",
    "  c,",
    '} from "../../pipelines/cli.ts";',
    'export * from "./d.ts";',
    'import "./side_effect.ts";',
    'const e = await import("../pipeline/run_pipeline.ts");',
    "const f = await import(specifier);",
    'const g = new URL("../../scripts/setup.ts", import.meta.url);',
    '// import { z } from "./commented_out.ts";',
    'import { tf } from "@tensorflow/tfjs";',
  ].join("\n");
  const edges = importsOf("src/serving/x.ts", source).map(({ to, kind }) => `${kind} ${to}`);
  assert.deepEqual(edges.sort(), [
    "computed (computed)",
    "dynamic src/pipeline/run_pipeline.ts",
    "import pipelines/cli.ts",
    "import scripts/setup.ts",
    "import src/ml/training/train.ts",
    "import src/serving/b.ts",
    "import src/serving/d.ts",
    "import src/serving/side_effect.ts",
  ]);
});

Deno.test("each forbidden import is reported", () => {
  const edge = (from: string, to: string, kind: ImportEdge["kind"] = "import") => ({
    from,
    to,
    kind,
  });
  const cases: [ImportEdge[], RegExp][] = [
    [[edge("src/serving/first_run.ts", "pipelines/pipeline.ts")], /src\/ imports pipelines/],
    [[edge("src/db/client.ts", "scripts/setup.ts")], /src\/ imports scripts/],
    [[edge("src/app/x.ts", "bench/bench_support.ts")], /src\/ imports bench/],
    [[edge("src/serving/x_test.ts", "tests/support/logger.ts")], /src\/ imports tests/],
    [
      [edge("src/ml/training/dataset.ts", "src/models/catalog.ts")],
      /ml \(layer 1\) imports models/,
    ],
    [[edge("src/serving/metrics.ts", "src/app/matched_route.ts")], /serving .* imports app/],
    [[edge("src/domain/x.ts", "src/ml/y.ts")], /domain .* imports ml/],
    [[edge("src/ml/inference/a.ts", "src/ml/training/b.ts")], /never imports src\/ml\/training/],
    [[edge("src/serving/x.ts", "(computed)", "computed")], /computed import/],
    [[edge("src/nowhere/x.ts", "src/domain/y.ts")], /src\/nowhere is in no layer/],
    [
      [edge("src/routes/x.ts", "src/serving/prediction_log/queue.ts")],
      /outside src\/serving\/prediction_log\/, import its mod.ts/,
    ],
    [
      [edge("src/ml/a.ts", "src/dvc/b.ts"), edge("src/dvc/b.ts", "src/ml/c.ts")],
      /folder cycle in src\/: (ml -> dvc -> ml|dvc -> ml -> dvc)/,
    ],
    [
      [
        edge("src/serving/registry/a.ts", "src/serving/prediction_log/mod.ts"),
        edge("src/serving/prediction_log/b.ts", "src/serving/registry/c.ts"),
      ],
      /folder cycle in src\/serving\//,
    ],
  ];
  for (const [edges, expected] of cases) {
    const found = violations(edges, ["src/serving/prediction_log"]);
    assert.ok(found.some((line) => expected.test(line)), `${expected}: got ${found}`);
  }
  const allowed = [
    edge("src/serving/registry/a.ts", "src/ml/inference/b.ts"),
    edge("src/pipeline/a.ts", "src/ml/training/b.ts"),
    edge("src/serving/first_run.ts", "src/pipeline/run_pipeline.ts", "dynamic"),
    edge("src/serving/prediction_log/a.ts", "src/serving/prediction_log/b.ts"),
    edge("src/ml/version_files.ts", "src/ml/training/gate.ts"),
  ];
  assert.deepEqual(violations(allowed, ["src/serving/prediction_log"]), []);
});

Deno.test("tests beside the code start no child process and open no database", () => {
  const outOfPlace = sourceFiles(root, "src")
    .filter((file) => file.endsWith("_test.ts"))
    .filter((file) =>
      /new Deno\.Command\(|openDatabase\(|new PGlite\(/.test(readFileSync(join(root, file), "utf8"))
    );
  assert.deepEqual(outOfPlace, [], "move these under tests/<area>/ (README, Contributing)");
});

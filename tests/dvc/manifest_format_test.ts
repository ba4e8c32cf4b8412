/**
 * `.dir` manifest serialization against Python's own `json.dumps` and `sorted`, plus the
 * small parsers (`.dvc` files, manifests, object keys).
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import {
  type DirEntry,
  parseDirManifest,
  serializeDirManifest,
} from "../../src/dvc/dir_manifest.ts";
import { parseDvcFile, singleOut } from "../../src/dvc/dvc_file.ts";
import { dirHash, md5Hex } from "../../src/dvc/md5.ts";
import { objectKey } from "../../src/dvc/object_key.ts";
import { compareCodePoints, pythonJsonString } from "../../src/dvc/python_json.ts";
import { pseudoRandomBytes } from "../support/dvc_fixture.ts";

const venvPython = new URL("../../.venv/bin/python", import.meta.url).pathname;

/** What dvc-data's `Tree.as_bytes()` gives for these entries, computed by Python itself. */
async function pythonManifest(entries: DirEntry[]): Promise<string> {
  const script = "import json, sys\nfrom operator import itemgetter\n" +
    "entries = json.load(sys.stdin)\n" +
    'sys.stdout.buffer.write(json.dumps(sorted(entries, key=itemgetter("relpath")), ' +
    'sort_keys=True).encode("utf-8"))';
  const child = new Deno.Command(existsSync(venvPython) ? venvPython : "python3", {
    args: ["-c", script],
    stdin: "piped",
    stdout: "piped",
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(JSON.stringify(entries)));
  await writer.close();
  const { code, stdout } = await child.output();
  assert.equal(code, 0);
  return new TextDecoder().decode(stdout);
}

const pools: [number, number][] = [
  [0x20, 0x7e], // printable ASCII, quotes and backslash included
  [0x00, 0x1f], // control characters
  [0x7f, 0xff], // DEL and Latin-1
  [0x300, 0x36f], // combining marks
  [0x4e00, 0x4e80], // CJK
  [0xe000, 0xfffd], // the top of the BMP (sorts after astral characters in UTF-16)
  [0x1f300, 0x1faff], // emoji
  [0x10000, 0x10ffff], // any astral plane
];

function randomNames(count: number, seed: number): string[] {
  const bytes = pseudoRandomBytes(count * 40, seed);
  let at = 0;
  const next = () => bytes[at++] | (bytes[at++] << 8) | (bytes[at++] << 16);
  const names = new Set<string>();
  while (names.size < count) {
    let name = "";
    for (let n = 1 + (next() % 6); n > 0; n--) {
      const [lo, hi] = pools[next() % pools.length];
      name += String.fromCodePoint(lo + (next() % (hi - lo + 1)));
    }
    names.add(name);
  }
  return [...names];
}

Deno.test("manifests serialize exactly as Python's json.dumps and sorted", async () => {
  const names = [
    ...randomNames(300, 7),
    "a-b",
    "a.b",
    "a/b",
    "a",
    "é",
    "e\u0301",
    "日本/ファイル",
    "😀",
    "ｆ",
  ];
  const entries = names.map((relpath, i) => ({
    relpath,
    md5: md5Hex(new Uint8Array([i & 0xff, i >> 8])),
  }));
  const ours = new TextDecoder().decode(serializeDirManifest(entries));
  assert.equal(ours, await pythonManifest(entries));
  assert.equal(dirHash(entries), md5Hex(new TextEncoder().encode(ours)) + ".dir");
});

Deno.test("Python string escaping and code point order", () => {
  assert.equal(
    pythonJsonString('é "q" \\ \n\t\u0001\u007f😀'),
    '"\\u00e9 \\"q\\" \\\\ \\n\\t\\u0001\\u007f\\ud83d\\ude00"',
  );
  assert.ok(compareCodePoints("ｆ", "😀") < 0);
  assert.ok("ｆ" > "😀"); // what JavaScript's default comparison would say
  assert.ok(compareCodePoints("a-b", "a/b") < 0 && compareCodePoints("a.b", "a/b") < 0);
  assert.ok(compareCodePoints("a", "a/b") < 0 && compareCodePoints("😀", "😀a") < 0);
  assert.equal(compareCodePoints("😀x", "😀x"), 0);
  assert.equal(new TextDecoder().decode(serializeDirManifest([])), "[]");
  assert.equal(dirHash([]), "d751713988987e9331980363e24189ce.dir");
});

Deno.test(".dvc files, manifests and object keys are validated", () => {
  const dvc = parseDvcFile(
    "outs:\n- md5: 0123456789abcdef0123456789abcdef.dir\n  size: 12\n  nfiles: 3\n" +
      "  hash: md5\n  path: models\n  push: true\n",
  );
  assert.deepEqual(singleOut(dvc), {
    md5: "0123456789abcdef0123456789abcdef.dir",
    size: 12,
    nfiles: 3,
    hash: "md5",
    path: "models",
  });
  assert.equal(singleOut("0123456789abcdef0123456789abcdef.dir", "models").path, "models");
  assert.throws(() => singleOut("../../etc/passwd"), /Invalid DVC hash/);
  assert.throws(
    () => parseDvcFile("outs:\n- md5: 0123456789abcdef0123456789abcdef\n  path: data\n", "old.dvc"),
    /old\.dvc is not a valid \.dvc file: .*hash: md5/s,
  );
  assert.throws(() => parseDvcFile("outs: [", "broken.dvc"), /broken\.dvc is not valid YAML/);
  assert.equal(
    objectKey("0123456789abcdef0123456789abcdef.dir"),
    "files/md5/01/23456789abcdef0123456789abcdef.dir",
  );
  assert.throws(() => objectKey("0123456789ABCDEF0123456789ABCDEF"), /Invalid DVC object hash/);
  const bad = (json: string) => () => parseDirManifest(new TextEncoder().encode(json), "m.dir");
  assert.throws(bad("{}"), /m\.dir is not a valid \.dir manifest/);
  assert.throws(bad('[{"md5": "x", "relpath": "a"}]'), /md5/);
  assert.throws(bad(`[{"md5": "${"0".repeat(32)}", "relpath": "../a"}]`), /relative path/);
  assert.throws(bad("[oops"), /m\.dir is not a JSON manifest/);
});

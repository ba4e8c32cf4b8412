/**
 * The Deno base images the Dockerfile builds FROM. The official ones when the engine has them
 * or can pull them; otherwise stand-ins built here from their published recipes
 * (denoland/deno_docker) with this Deno binary, Debian's tini and a Debian root file system,
 * kept in the engine under their own name so they never pass for the official images.
 */
import { copyFile, mkdir, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { docker, hasImage } from "./docker.ts";
import { run } from "./workspace.ts";

/** The build stage's image and the final stage's. */
export interface DenoBaseImages {
  build: string;
  final: string;
}

const recipes = new URL("./deno_base_images/", import.meta.url).pathname;
const debianMirror = "http://deb.debian.org/debian";
/** What gcr.io/distroless/cc-debian12 is made of, as Debian packages. */
const distrolessPackages = [
  "base-files",
  "netbase",
  "tzdata",
  "ca-certificates",
  "libc6",
  "libssl3",
  "libgcc-s1",
  "libgomp1",
  "libstdc++6",
];
const hostCaBundle = "/etc/ssl/certs/ca-certificates.crt";

/** The official images for `version` when available, else the stand-ins (built once). */
export async function denoBaseImages(version: string): Promise<DenoBaseImages> {
  const official = {
    build: `denoland/deno:${version}`,
    final: `denoland/deno:distroless-${version}`,
  };
  if (await available(official.build) && await available(official.final)) {
    return official;
  }
  if (Deno.version.deno !== version) {
    throw new Error(
      `The official Deno ${version} images cannot be had and this Deno is ${Deno.version.deno}: ` +
        `the stand-ins need the same version's binary.`,
    );
  }
  const standIns = {
    build: `deno-base-stand-in:${version}`,
    final: `deno-base-stand-in:distroless-${version}`,
  };
  if (!await hasImage(standIns.build)) {
    await buildStandIn("debian", standIns.build, version, debianRootFs);
  }
  if (!await hasImage(standIns.final)) {
    await buildStandIn("distroless", standIns.final, version, distrolessRootFs);
  }
  return standIns;
}

/** `dockerfile` with its FROM lines pointing at `images`; throws when a line is not there. */
export function rebase(dockerfile: string, version: string, images: DenoBaseImages): string {
  const replacements = [
    [`FROM denoland/deno:${version} AS build`, `FROM ${images.build} AS build`],
    [`FROM denoland/deno:distroless-${version}\n`, `FROM ${images.final}\n`],
  ];
  return replacements.reduce((text, [from, to]) => {
    if (!text.includes(from)) throw new Error(`Dockerfile: no "${from.trim()}" line`);
    return text.replace(from, to);
  }, dockerfile);
}

async function available(ref: string): Promise<boolean> {
  if (await hasImage(ref)) return true;
  return await docker(["pull", "--quiet", ref]).then(() => true, () => false);
}

async function buildStandIn(
  recipe: "debian" | "distroless",
  tag: string,
  version: string,
  makeRootFs: (dir: string) => Promise<void>,
): Promise<void> {
  const context = await Deno.makeTempDir({ prefix: `deno-base-${recipe}-` });
  try {
    const rootFs = join(context, "rootfs");
    await makeRootFs(rootFs);
    await run(context, "tar", ["-C", rootFs, "-cf", "rootfs.tar", "."]);
    await rm(rootFs, { recursive: true });
    await copyFile(Deno.execPath(), join(context, "deno"));
    await copyFile(await installed("tini-static"), join(context, "tini"));
    await copyFile(join(recipes, "docker-entrypoint.sh"), join(context, "docker-entrypoint.sh"));
    await copyFile(hostCaBundle, join(context, "ca-certificates.crt"));
    await docker([
      "build",
      "--quiet",
      "--file",
      join(recipes, `${recipe}.dockerfile`),
      "--build-arg",
      `DENO_VERSION=${version}`,
      "--tag",
      tag,
      context,
    ]);
  } finally {
    await rm(context, { recursive: true, force: true });
  }
}

/** Debian's minimal root file system, as debian:stable-slim is made. */
async function debianRootFs(dir: string): Promise<void> {
  await run("/", await installed("debootstrap"), [
    "--variant=minbase",
    "bookworm",
    dir,
    debianMirror,
  ]);
}

/** The distroless packages unpacked, and the users distroless has. */
async function distrolessRootFs(dir: string): Promise<void> {
  const debs = await Deno.makeTempDir({ prefix: "distroless-debs-" });
  try {
    await run(debs, "apt-get", ["download", ...distrolessPackages]);
    await mkdir(dir);
    for (const deb of await readdir(debs)) await run(debs, "dpkg-deb", ["-x", deb, dir]);
  } finally {
    await rm(debs, { recursive: true, force: true });
  }
  for (const home of ["root", "home/nonroot", "tmp"]) {
    await mkdir(join(dir, home), { recursive: true });
  }
  await Deno.chmod(join(dir, "tmp"), 0o1777);
  await Deno.writeTextFile(
    join(dir, "etc/passwd"),
    "root:x:0:0:root:/root:/sbin/nologin\n" +
      "nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\n" +
      "nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n",
  );
  await Deno.writeTextFile(
    join(dir, "etc/group"),
    "root:x:0:\nnobody:x:65534:\nnonroot:x:65532:\n",
  );
}

/** Where `program` is on PATH; throws saying what to install when it is not. */
async function installed(program: string): Promise<string> {
  const found = await new Deno.Command("sh", { args: ["-c", `command -v ${program}`] }).output();
  if (!found.success) {
    throw new Error(
      `The stand-in Deno base images need ${program} (apt-get install debootstrap tini), ` +
        `or make the official denoland/deno images available to the engine.`,
    );
  }
  return new TextDecoder().decode(found.stdout).trim();
}

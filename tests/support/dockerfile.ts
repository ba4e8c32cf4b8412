/** What the container tests run of the repository's Dockerfile, parsed strictly. */
export interface Image {
  /** The Deno version both stages' base images are tagged with. */
  denoVersion: string;
  /** Repository paths the build stage copies to the same place under its WORKDIR. */
  copies: string[];
  /** The build stage's RUN, split into arguments. */
  build: string[];
  env: Record<string, string>;
  expose: number;
  healthcheck: string[];
  /** The argv the container runs: the base image's ENTRYPOINT followed by CMD. */
  argv: string[];
}

/**
 * The distroless base image's ENTRYPOINT (denoland/deno_docker, distroless.dockerfile); tini
 * only forwards signals and reaps children, so the test runs what follows it.
 */
const distrolessEntrypoint = ["/bin/deno"];

/**
 * Parses the Dockerfile's expected shape: a build stage from the Deno image that copies files
 * and runs one command, then a distroless stage that copies /app from it. Anything else is an
 * error, so a change to the Dockerfile's shape has to be met by a change here.
 */
export function parseDockerfile(text: string): Image {
  const lines = text.replace(/\\\n/g, " ").split("\n").map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"));
  const stages: { from: string; instructions: [string, string][] }[] = [];
  for (const line of lines) {
    const match = /^([A-Z]+)\s+(.+)$/.exec(line);
    if (!match) throw new Error(`Dockerfile: cannot parse line: ${line}`);
    const [, instruction, args] = match;
    if (instruction === "FROM") stages.push({ from: args, instructions: [] });
    else if (stages.length === 0) throw new Error(`Dockerfile: ${instruction} before FROM`);
    else stages.at(-1)!.instructions.push([instruction, args]);
  }
  if (stages.length !== 2) throw new Error(`Dockerfile: expected 2 stages, got ${stages.length}`);
  const [build, final] = stages;
  const version = /^denoland\/deno:(\d+\.\d+\.\d+) AS build$/.exec(build.from)?.[1];
  if (!version) throw new Error(`Dockerfile: unexpected build stage: FROM ${build.from}`);
  if (final.from !== `denoland/deno:distroless-${version}`) {
    throw new Error(`Dockerfile: final stage must be denoland/deno:distroless-${version}`);
  }
  const jsonArray = (what: string, args: string) => {
    const parsed = JSON.parse(args);
    if (!Array.isArray(parsed) || !parsed.every((a) => typeof a === "string")) {
      throw new Error(`Dockerfile: ${what} must be a JSON array of strings: ${args}`);
    }
    return parsed as string[];
  };

  const image: Partial<Image> & { copies: string[]; env: Record<string, string> } = {
    denoVersion: version,
    copies: [],
    env: {},
  };
  for (const [instruction, args] of build.instructions) {
    if (instruction === "WORKDIR" && args === "/app") continue;
    if (instruction === "COPY") {
      const words = args.split(/\s+/);
      const dest = words.pop()!;
      if (words.some((w) => w.startsWith("--") || w.includes("*") || w.includes(".."))) {
        throw new Error(`Dockerfile: unsupported COPY in build stage: ${args}`);
      }
      if (!(dest === "./" || (words.length === 1 && dest === `./${words[0]}`))) {
        throw new Error(`Dockerfile: COPY must keep repository paths: ${args}`);
      }
      image.copies.push(...words);
    } else if (instruction === "RUN" && !image.build) {
      if (!/^[\w./=@-]+( [\w./=@-]+)*$/.test(args)) {
        throw new Error(`Dockerfile: RUN must be a plain command: ${args}`);
      }
      image.build = args.split(" ");
    } else {
      throw new Error(`Dockerfile: unsupported in build stage: ${instruction} ${args}`);
    }
  }
  for (const [instruction, args] of final.instructions) {
    if (instruction === "WORKDIR" && args === "/app") continue;
    if (instruction === "COPY" && args === "--from=build --chown=1993:1993 /app /app") continue;
    if (instruction === "USER" && args === "1993") continue;
    if (instruction === "ENV") {
      for (const pair of args.split(/\s+/)) {
        const match = /^([A-Z_][A-Z0-9_]*)=([^"'$\s]*)$/.exec(pair);
        if (!match) throw new Error(`Dockerfile: ENV must be unquoted NAME=value pairs: ${pair}`);
        image.env[match[1]] = match[2];
      }
    } else if (instruction === "EXPOSE" && /^\d+$/.test(args) && image.expose === undefined) {
      image.expose = Number(args);
    } else if (instruction === "HEALTHCHECK" && !image.healthcheck) {
      const match = /^(?:--[a-z-]+=\S+\s+)*CMD\s+(\[.*\])$/.exec(args);
      if (!match) throw new Error(`Dockerfile: HEALTHCHECK must be exec-form CMD: ${args}`);
      image.healthcheck = jsonArray("HEALTHCHECK CMD", match[1]);
    } else if (instruction === "CMD" && !image.argv) {
      image.argv = [...distrolessEntrypoint, ...jsonArray("CMD", args)];
    } else {
      throw new Error(`Dockerfile: unsupported in final stage: ${instruction} ${args}`);
    }
  }
  for (const key of ["build", "expose", "healthcheck", "argv"] as const) {
    if (image[key] === undefined) throw new Error(`Dockerfile: no ${key} found`);
  }
  return image as Image;
}

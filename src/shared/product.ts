import denoConfig from "../../deno.json" with { type: "json" };

/** What the server reports itself as (V2 server metadata); the version is `deno.json`'s. */
export const product = { name: "edge-inference", version: denoConfig.version } as const;

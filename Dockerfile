# The API server in a container: official Deno image, dependencies cached at build time,
# non-root, health-checked. Models are pulled from the DVC remote named by DVC_REMOTE_URL.
# tests/serving/container_test.ts parses this file and runs what it describes.
FROM denoland/deno:2.9.6 AS build
WORKDIR /app
COPY deno.json deno.lock ./
# Whole folders: the server (src), its knowledge base (kb), the model pointer (gitops) and the
# build's own helpers (scripts, which import src only).
COPY src ./src
COPY kb ./kb
COPY gitops ./gitops
COPY scripts ./scripts
# node_modules with the server's packages only (about 75 MB, not 700), and an initialised
# embedded database for PGLITE_TEMPLATE_DIR: see the script.
RUN deno run -A scripts/image_build.ts

FROM denoland/deno:distroless-2.9.6
WORKDIR /app
COPY --from=build --chown=1993:1993 /app /app
USER 1993
ENV AUTO_BUILD_MODELS=false HOST=0.0.0.0 PORT=8000 PGLITE_DIR=/tmp/pglite SPILL_DIR=/tmp/spill DVC_CACHE_DIR=/tmp/dvc-cache
# A new PGLITE_DIR is copied from the database the build initialised: PGlite's own initdb
# would peak near 570 MB of resident memory at every start of a container (fresh /tmp).
ENV PGLITE_TEMPLATE_DIR=/app/.data/pglite-template
# As `deno task start` (README, "Memory"): glibc's allocator keeps its default thresholds.
ENV MALLOC_MMAP_THRESHOLD_=131072
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s \
  CMD ["deno", "eval", "const r = await fetch(`http://127.0.0.1:${Deno.env.get('PORT') ?? 8000}/health`); Deno.exit(r.ok ? 0 : 1)"]
# The distroless image's ENTRYPOINT is ["/tini", "--", "/bin/deno"], so CMD holds deno's arguments.
# --cached-only: this stage has none of the build stage's DENO_DIR, and without the flag Deno
# fetches npm metadata on every start although node_modules is complete. The V8 flags are those of
# `deno task start` (README, "Memory"): a heap sized to the live data, and embedded PGlite's
# WebAssembly kept on V8's baseline compiler. Permissions (docs/permissions.md): those of
# `deno task start` less what only a first-run build needs: reads in /app and /tmp, writes in
# /tmp only (PGLITE_DIR, SPILL_DIR, DVC_CACHE_DIR), no subprocess, no system information.
CMD ["run", "--cached-only", "--v8-flags=--optimize-for-size,--no-wasm-dynamic-tiering,--no-wasm-tier-up", "--allow-net", "--allow-env=DATABASE_URL,DATABASE_WS_PROXY,PG*,HOST,PORT,API_KEYS,ADMIN_API_KEYS,CORS_ORIGINS,MAX_BODY_BYTES,MAX_BATCH_SIZE,REVIEW_PRECISION,SEED_COMPAT_ROUTES,MODEL_POINTER_PATH,DVC_CACHE_DIR,DVC_REMOTE_URL,SPILL_DIR,AUTO_BUILD_MODELS,ALERT_WEBHOOK_URL,ALERT_WEBHOOK_SECRET,ACCURACY_ALERT_THRESHOLD,LATENCY_P99_BUDGET_MS,MONITOR_INTERVAL,MONITOR_WINDOW,RETRAIN_ON_ALERT,GITHUB_REPOSITORY,GITHUB_TOKEN,GITHUB_API_URL,LLM_*,LOG_LEVEL,AWS_*,USER,USERNAME,NODE_PG_FORCE_NATIVE,LOG_TOKENS,LOG_STREAM", "--allow-read=.,/tmp", "--allow-write=/tmp", "src/main.ts"]

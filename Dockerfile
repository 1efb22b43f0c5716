# ecm365: the API server with the built web portal. Build: `docker compose build` or `docker build -t ecm365 .`

# --- build: all dependencies, compile, then a production-only copy of the API package ----------------------------
FROM node:20-bookworm-slim AS build
# pnpm from npm, not corepack (which fails to fetch pnpm in our environments); package.json pins the version.
RUN npm install -g pnpm@10
WORKDIR /src

# Manifests first, so the dependency layer is reused until a package.json or the lockfile changes. All of the
# workspace's packages: --frozen-lockfile refuses a workspace that differs from the lockfile's.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY shared/package.json shared/
COPY migrations/package.json migrations/
COPY emulators/package.json emulators/
COPY api/package.json api/
COPY web/package.json web/
COPY e2e/package.json e2e/
COPY bench/package.json bench/
RUN pnpm install --frozen-lockfile

COPY . .
# The commit the image is built from (no .git in the build context): recorded by `pnpm build` for /metrics'
# ecm365_build_info. `docker compose build --build-arg ECM365_COMMIT=$(git rev-parse HEAD)`; empty = unknown.
ARG ECM365_COMMIT=
RUN pnpm build
# `deploy` copies the API with its production dependencies only; the workspace packages it uses are packed by
# their "files" (dist/). Injected workspace packages are what pnpm 10's deploy expects, with the shared lockfile.
RUN pnpm --config.inject-workspace-packages=true deploy --filter @ecm365/api --prod /out/api \
 && mkdir -p /out/web && cp -r web/dist /out/web/dist

# --- runtime -------------------------------------------------------------------------------------------------------
FROM node:20-bookworm-slim
# The heap bound: on a host with memory to spare V8 lets garbage pile up to gigabytes before it collects (the
# health sweep's peak RSS reached ~500 MB with a heap of ~100 MB in use). 192 MB is twice the peak heap measured
# over 10,000 due connections and the import of 25 MB attachments (issue 13); set NODE_OPTIONS to change it.
ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/data \
    NODE_OPTIONS=--max-old-space-size=192
# /app/api/dist/http/spa.js finds the portal at ../../../web/dist, i.e. /app/web/dist, as in the repository.
COPY --from=build /out /app
# The code stays root-owned (read-only for the app); only DATA_DIR (demo keys, embedded database) is writable.
RUN mkdir -p /data && chown node:node /data
USER node
WORKDIR /app/api
EXPOSE 3000
# No curl in the slim image: node's fetch. /readyz is 200 once the database is reachable and migrated.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node as PID 1 handles SIGTERM itself (graceful shutdown in api/src/main.ts). The server as one file (pnpm build,
# scripts/server-bundle.mjs): it loads in a fraction of the time of dist/main.js' module tree. Admin CLI: node dist/cli/main.js
CMD ["node", "dist/bundle/server.cjs"]

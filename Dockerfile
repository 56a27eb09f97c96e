# Vitrine: one build, two images.
#   docker build --target web -t vitrine-web .      # pages and API (standalone server, no browser)
#   docker build --target worker -t vitrine-worker . # thumbnail worker + migrations (owns Chromium)
# Both run as an unprivileged user. See compose.yaml for a full deployment.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# patch-package (postinstall) applies patches/ while npm ci installs.
COPY patches ./patches
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1 NODE_ENV=production
# No secrets at build time: production checks run when a server or worker starts.
RUN npm run build

# --- web: only the traced standalone server, public/ and static assets -------------------------
FROM node:20-bookworm-slim AS web
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 VITRINE_ROLE=web HOSTNAME=0.0.0.0 PORT=3000
RUN groupadd --system vitrine && useradd --system --gid vitrine --home /app vitrine
COPY --from=build --chown=vitrine:vitrine /app/.next/standalone ./
# Read at run time but not traced by Next: the migrations readiness compares against, the UI kit
# sources and theme whose Tailwind classes previews compile, and the client-address preload.
# (.preview-runtime, the vendored packages, is copied into the standalone folder by the build.)
COPY --from=build --chown=vitrine:vitrine /app/data/migrations ./data/migrations
COPY --from=build --chown=vitrine:vitrine /app/lib/preview ./lib/preview
COPY --from=build --chown=vitrine:vitrine /app/lib/net ./lib/net
USER vitrine
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The preload resolves each request's client address at the socket (TRUSTED_PROXIES decides whether
# X-Forwarded-For is believed), as npm start and start:web do.
CMD ["node", "--import=./lib/net/client-ip-preload.mjs", "server.js"]

# --- worker: the full tree (tsx runs it) plus Debian's Chromium -------------------------------
FROM node:20-bookworm-slim AS worker
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends chromium fonts-dejavu-core \
  && rm -rf /var/lib/apt/lists/* \
  && groupadd --system vitrine && useradd --system --gid vitrine --home /app vitrine
ENV NODE_ENV=production VITRINE_ROLE=worker CHROMIUM_PATH=/usr/bin/chromium
COPY --from=build --chown=vitrine:vitrine /app ./
USER vitrine
# Migrations run here (advisory-locked, checksummed) before consuming: `npm run db:migrate` alone
# is the same step for a one-off job.
CMD ["npm", "run", "start:worker"]

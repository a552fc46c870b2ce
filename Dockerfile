# Production image: API + built SPA on one port. Used by docker-compose.yml.
# The build stage runs the one packaging script (scripts/tasks/package.mjs: npm ci, build, prune
# dev dependencies, copy what runs); e2e/packaging/packaging.test.ts runs the same script and the
# same CMD without Docker. Add no step here that the script does not do, or the test stops
# covering the image.
FROM node:24-bookworm-slim AS build
WORKDIR /src
COPY . .
RUN node scripts/tasks/package.mjs /app

FROM node:24-bookworm-slim
WORKDIR /app
# Metrics stay off until METRICS_PORT is set (docker-compose.yml sets 9464). When they are on, they
# must bind the container's interface: loopback in here is unreachable for Prometheus. Exposing is
# not publishing: keep 9464 off the host (no authentication; deploy/prometheus/README.md).
ENV NODE_ENV=production PORT=3000 METRICS_HOST=0.0.0.0
COPY --from=build /app /app
USER node
EXPOSE 3000 9464
CMD ["node", "--enable-source-maps", "apps/api/dist/main.js"]

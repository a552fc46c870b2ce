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
ENV NODE_ENV=production PORT=3000
COPY --from=build /app /app
USER node
EXPOSE 3000
CMD ["node", "--enable-source-maps", "apps/api/dist/main.js"]

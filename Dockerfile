# Production image: API + built SPA on one port. Used by docker-compose.yml.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY packages/contracts/package.json packages/contracts/
COPY packages/password-policy/package.json packages/password-policy/
COPY scripts scripts
COPY prisma prisma
# postinstall generates the Prisma client and the password blocklist; the latter needs its script
# and the codec it shares with the runtime.
COPY packages/password-policy/scripts packages/password-policy/scripts
COPY packages/password-policy/src/blocklist/blocklist-codec.ts packages/password-policy/src/blocklist/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production PORT=3000
COPY --from=build /app /app
USER node
EXPOSE 3000
CMD ["node", "--enable-source-maps", "apps/api/dist/main.js"]

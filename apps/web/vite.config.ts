import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';
import { precompressPlugin } from './build/precompress.plugin.ts';

// The config is also run from the repository root (`vite build --config apps/web/vite.config.ts`),
// so anchor everything to this folder instead of the working directory.
const webRoot = fileURLToPath(new URL('.', import.meta.url));

const apiProxy = {
  '/api': { target: 'http://127.0.0.1:3000' },
};

export default defineConfig({
  root: webRoot,
  // Brotli and gzip copies of the build, served by the API according to Accept-Encoding.
  plugins: [react(), precompressPlugin()],
  resolve: {
    // Workspace packages (@mailgate/contracts, @mailgate/password-policy) export their TS source under
    // this condition, so the SPA bundles the source and needs no prior package build. Setting
    // `conditions` replaces Vite's defaults, hence the spread.
    conditions: ['@mailgate/source', ...defaultClientConditions],
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: apiProxy,
  },
  preview: {
    port: 4173,
    strictPort: true,
    proxy: apiProxy,
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Never inline assets as data: URIs; the API's CSP only allows resources from 'self'.
    assetsInlineLimit: 0,
    // The password checker's word lists (zxcvbn dictionaries, the blocklist) are large by nature;
    // they are separate chunks, loaded only when a password form opens.
    chunkSizeWarningLimit: 1300,
    // dist/.vite/manifest.json: which chunks the entry loads statically; the bundle budget test
    // (src/bundle-budget.test.ts) reads it.
    manifest: true,
  },
});

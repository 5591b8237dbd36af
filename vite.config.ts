import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// One config for the client build (Vite) and every test project (Vitest).
// The server runs on tsx and is not bundled.
//
// The client is built twice (`npm run build`): the app, then with `--mode embed` the embed, into
// the same directory. The embed is a build of its own so that it shares no chunk with the app: in
// one build a module shared by both entries carries everything either uses (zod's core, for one),
// and a module resolves to one React. The embed's React is Preact's compatibility layer (same
// components, ~10 KB gzip instead of react-dom's ~64 KB): with MapLibre alone at ~434 KB, that is
// what keeps the embed's JavaScript within 500 KB gzip (bench/first-map.ts).
export default defineConfig(({ mode }) => ({
  root: 'client',
  publicDir: false,
  plugins: [react()],
  resolve:
    mode === 'embed'
      ? {
          alias: [
            { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
            { find: /^react-dom$/, replacement: 'preact/compat' },
            { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
            { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
            { find: /^react$/, replacement: 'preact/compat' },
          ],
        }
      : undefined,
  build: {
    outDir: '../dist/client',
    // The app's build empties the directory; the embed's, after it, adds to it.
    emptyOutDir: mode !== 'embed',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // The app and the one-line script for host pages, served at a fixed name: /embed.js; or the
      // embed alone (its own build, so it loads no dashboard or editing code).
      input: (mode === 'embed'
        ? { embed: 'client/embed.html' }
        : { index: 'client/index.html', 'embed-script': 'client/src/embed/web-component.ts' }) as Record<
        string,
        string
      >,
      output: {
        entryFileNames: (chunk) => (chunk.name === 'embed-script' ? 'embed.js' : 'assets/[name]-[hash].js'),
        // Zod and the module that configures it share a chunk, which every chunk that builds a
        // schema imports: so the configuration runs before any schema exists (client/src/zod-jitless.ts).
        codeSplitting: {
          groups: [
            { name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]|[\\/]client[\\/]src[\\/]zod-jitless\.ts$/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/basemap': 'http://localhost:8080',
      '/fonts': 'http://localhost:8080',
      '/healthz': 'http://localhost:8080',
      '/tiles': 'http://localhost:8080',
    },
  },
  test: {
    root: '.',
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'domain/**/*.test.ts',
            'server/**/*.test.ts',
            'client/**/*.test.ts',
            'geodata/**/*.test.ts',
            'bench/**/*.test.ts',
          ],
        },
      },
      {
        test: {
          name: 'api',
          include: ['test/api/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        // Two app processes behind nginx on one PostgreSQL server; skipped without DATABASE_URL or nginx.
        test: {
          name: 'scale-out',
          include: ['test/scale-out/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        // Faults, abuse and a bounded soak (issue 9): real server processes killed, a PostgreSQL
        // stopped under traffic, minutes of load. `npm run test:stress`; not part of `npm test`.
        test: {
          name: 'stress',
          include: ['test/stress/**/*.test.ts'],
          testTimeout: 600_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
}));

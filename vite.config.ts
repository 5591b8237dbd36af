import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// One config for the client build (Vite) and every test project (Vitest).
// The server runs on tsx and is not bundled.
export default defineConfig({
  root: 'client',
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // The app, the embed (its own entry, so it loads no dashboard or editing code) and the
      // one-line script for host pages, served at a fixed name: /embed.js.
      input: {
        index: 'client/index.html',
        embed: 'client/embed.html',
        'embed-script': 'client/src/embed/web-component.ts',
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'embed-script' ? 'embed.js' : 'assets/[name]-[hash].js'),
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
});

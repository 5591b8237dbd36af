import { config } from 'zod';

// Zod probes `new Function` when it builds its first object schema, to compile fast parsers. The
// app's Content-Security-Policy (script-src 'self') forbids eval, so the probe only fails, and
// Chromium reports each failure as a CSP violation. Telling Zod up front skips the probe. This
// module must run before any schema is built: vite.config.ts puts it in Zod's own chunk.
config({ jitless: true });

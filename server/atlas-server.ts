import { createServer, type Server } from 'node:http';
import { type AppDeps, createApp } from './app.ts';
import { FrontDoor } from './front-door.ts';
import type { AtlasStore } from './store/store.ts';

/**
 * The HTTP server as deployed: the front door (cached public answers, server/front-door.ts) before
 * the Express app. main.ts listens on it; benchmarks and tests that measure or check what a
 * deployment serves use it too, so they see the same path.
 */
export function createAtlasServer(deps: Omit<AppDeps, 'frontDoor'>): {
  server: Server;
  frontDoor: FrontDoor;
} {
  let ready: AtlasStore | null = null;
  void deps.store.then(
    (opened) => {
      ready = opened;
    },
    () => undefined,
  );
  const frontDoor = new FrontDoor(() => ready?.dataVersion() ?? null);
  const app = createApp({ ...deps, frontDoor });
  return { server: createServer(frontDoor.listener(app)), frontDoor };
}

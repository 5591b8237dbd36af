import { prewarm, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

// MapLibre 6 looks for its worker module beside its own file; the bundle moves both, so say where
// Vite put the worker (same origin, allowed by the CSP's worker-src 'self').
setWorkerUrl(workerUrl);
// Start the worker now, while React renders and the API answers, not when the map is made: fetching
// and compiling it is then off the way to the first map (bench/first-map.ts).
prewarm();

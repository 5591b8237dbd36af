import { useEffect, useRef, useState } from 'react';

export type Loadable<T> =
  | { state: 'loading' }
  | { state: 'ready'; data: T }
  | { state: 'failed'; error: unknown };

/**
 * Runs `load` whenever `key` changes, cancelling the previous request. A new `revision` (after a
 * save) loads the same key again and keeps showing what it had until the answer comes.
 */
export function useApi<T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
  revision = 0,
): Loadable<T> {
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading' });
  const loadedKey = useRef<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` and `revision` stand for what `load` reads.
  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    if (loadedKey.current !== key) setResult({ state: 'loading' });
    loadedKey.current = key;
    load(controller.signal).then(
      (data) => setResult({ state: 'ready', data }),
      (error: unknown) => {
        if (!controller.signal.aborted) setResult({ state: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [key, revision]);
  return result;
}

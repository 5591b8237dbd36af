import { type ComponentProps, lazy, Suspense } from 'react';

/**
 * The drawing tools (terra-draw, ~30 KB gzip) loaded when an editor first draws a boundary, not with
 * the first map, whose script they would only lengthen (bench/first-map.ts). Same props as
 * BoundaryDrawing; nothing is drawn until the module is in.
 */
const Drawing = lazy(() =>
  import('./BoundaryDrawing.tsx').then((module) => ({ default: module.BoundaryDrawing })),
);

export function LazyBoundaryDrawing(props: ComponentProps<typeof Drawing>) {
  return (
    <Suspense fallback={null}>
      <Drawing {...props} />
    </Suspense>
  );
}

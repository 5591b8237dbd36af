import { type ComponentProps, type ComponentType, lazy, type ReactNode, Suspense } from 'react';

/**
 * Panels that only open on a click (a cluster's card, the boundary editor, the investor view, the
 * embed dialog), each loaded as its own chunk when first shown. With them the geometry code they
 * need (proj4, geographiclib, Turf's clipping) leaves the first map's script, which is what the
 * cold first map waits for (bench/first-map.ts).
 */
function deferred<P extends object>(load: () => Promise<ComponentType<P>>, fallback: ReactNode = null) {
  const Panel = lazy(async () => ({ default: await load() }));
  return function DeferredPanel(props: P) {
    return (
      <Suspense fallback={fallback}>
        {/* biome-ignore lint/suspicious/noExplicitAny: lazy's props are P, which TypeScript cannot see through the wrapper */}
        <Panel {...(props as any)} />
      </Suspense>
    );
  };
}

export const ClusterCard = deferred<ComponentProps<typeof import('./panels/ClusterCard.tsx').ClusterCard>>(
  async () => (await import('./panels/ClusterCard.tsx')).ClusterCard,
);
export const ClusterBoundaryEditor = deferred<
  ComponentProps<typeof import('./panels/ClusterBoundaryEditor.tsx').ClusterBoundaryEditor>
>(async () => (await import('./panels/ClusterBoundaryEditor.tsx')).ClusterBoundaryEditor);
export const InvestorView = deferred<ComponentProps<typeof import('./InvestorView.tsx').InvestorView>>(
  async () => (await import('./InvestorView.tsx')).InvestorView,
);
export const EmbedDialog = deferred<ComponentProps<typeof import('./panels/EmbedDialog.tsx').EmbedDialog>>(
  async () => (await import('./panels/EmbedDialog.tsx')).EmbedDialog,
);

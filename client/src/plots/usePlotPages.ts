import { useEffect, useState } from 'react';
import type { PlotSummary } from '../../../domain/plot-api.ts';
import { api } from '../api/client.ts';
import { type PlotFilter, plotQueryString } from './plot-filter.ts';

export const PLOT_LIST_PAGE_SIZE = 50;

type Pages =
  | { state: 'loading' }
  | { state: 'failed'; error: unknown }
  | { state: 'ready'; plots: PlotSummary[]; numberMatched: number; loadingMore: boolean };

/**
 * The plots matching a filter, a page at a time: the first page whenever the filter changes,
 * the next one appended on `loadMore` ("Xem thêm"); again from the first when `revision` goes up
 * (a plot was saved).
 */
export function usePlotPages(provinceId: string | null, filter: PlotFilter, revision = 0) {
  const [pages, setPages] = useState<Pages>({ state: 'loading' });
  const [offset, setOffset] = useState(0);
  const firstQuery = provinceId
    ? plotQueryString(provinceId, filter, { limit: PLOT_LIST_PAGE_SIZE, offset: 0 })
    : null;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the query string stands for the filter.
  useEffect(() => {
    setOffset(0);
    if (!provinceId || !firstQuery) return;
    const controller = new AbortController();
    setPages({ state: 'loading' });
    api.plots(firstQuery, controller.signal).then(
      (page) =>
        setPages({
          state: 'ready',
          plots: page.plots,
          numberMatched: page.numberMatched,
          loadingMore: false,
        }),
      (error: unknown) => {
        if (!controller.signal.aborted) setPages({ state: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [firstQuery, revision]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new offset is the only trigger.
  useEffect(() => {
    if (offset === 0 || !provinceId) return;
    const controller = new AbortController();
    const query = plotQueryString(provinceId, filter, { limit: PLOT_LIST_PAGE_SIZE, offset });
    setPages((current) => (current.state === 'ready' ? { ...current, loadingMore: true } : current));
    api.plots(query, controller.signal).then(
      (page) =>
        setPages((current) =>
          current.state === 'ready'
            ? { ...current, plots: [...current.plots, ...page.plots], loadingMore: false }
            : current,
        ),
      (error: unknown) => {
        if (!controller.signal.aborted) setPages({ state: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [offset]);

  const loadMore = () => {
    if (pages.state === 'ready' && pages.plots.length < pages.numberMatched) setOffset(pages.plots.length);
  };
  return { pages, loadMore };
}

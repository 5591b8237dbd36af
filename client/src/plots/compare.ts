/** One thing in the compare tray: a plot or a cluster, by id. */
export type CompareItem = { kind: 'plot' | 'cluster'; id: string };

/** How many items the compare table shows side by side. */
export const COMPARE_LIMIT = 3;

const idPattern = /^[a-z0-9-]{1,80}$/;

/**
 * `plot:ID,cluster:ID` from the address bar; junk entries and duplicates are dropped, and only the
 * first three are kept.
 *
 * @example readCompare('plot:a-1,cluster:song-cau') // [{kind:'plot',id:'a-1'},{kind:'cluster',id:'song-cau'}]
 */
export function readCompare(text: string | null): CompareItem[] {
  const items: CompareItem[] = [];
  for (const entry of (text ?? '').split(',')) {
    const [kind, id, extra] = entry.split(':');
    if (extra !== undefined || id === undefined || !idPattern.test(id)) continue;
    if (kind !== 'plot' && kind !== 'cluster') continue;
    if (items.some((item) => item.kind === kind && item.id === id)) continue;
    items.push({ kind, id });
  }
  return items.slice(0, COMPARE_LIMIT);
}

export function writeCompare(items: readonly CompareItem[]): string {
  return items.map((item) => `${item.kind}:${item.id}`).join(',');
}

export type CompareAddResult =
  | { outcome: 'added' | 'already'; items: CompareItem[] }
  | { outcome: 'full'; items: CompareItem[] };

/** Adds an item unless it is already there or the tray is full; never mutates `items`. */
export function addToCompare(items: readonly CompareItem[], item: CompareItem): CompareAddResult {
  if (items.some((existing) => existing.kind === item.kind && existing.id === item.id))
    return { outcome: 'already', items: [...items] };
  if (items.length >= COMPARE_LIMIT) return { outcome: 'full', items: [...items] };
  return { outcome: 'added', items: [...items, item] };
}

export function removeFromCompare(items: readonly CompareItem[], item: CompareItem): CompareItem[] {
  return items.filter((existing) => !(existing.kind === item.kind && existing.id === item.id));
}

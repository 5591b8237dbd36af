import type { ClusterProperties } from '../../domain/cluster.ts';
import { foldForSearch } from '../../domain/search.ts';

/** How a feature or row found its cluster, or why it did not. */
export type ClusterMatch =
  | { cluster: ClusterProperties; by: 'id' | 'name' }
  | { cluster: null; ambiguous: string[]; suggestions: string[] };

/** A name without diacritics, case, the "CCN"/"Cụm công nghiệp" prefix or the " cluster" suffix. */
export const clusterNameKey = (name: string) =>
  foldForSearch(name)
    .replace(/^(ccn|cum cong nghiep|cum cn)\s+/, '')
    .replace(/\s+(industrial )?cluster$/, '');

/** Edit distance (Levenshtein) between two short texts. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * Finds the cluster a feature or row names: by id first (exactly), else by its name or an alias
 * with diacritics, case and the "CCN" prefix optional ("CCN Song Cau" finds "CCN Sông Cầu"). When
 * nothing matches, the closest names are suggested; a name two clusters share is ambiguous.
 */
export function clusterMatcher(clusters: readonly ClusterProperties[]) {
  const byId = new Map(clusters.map((cluster) => [cluster.id, cluster]));
  const byKey = new Map<string, ClusterProperties[]>();
  for (const cluster of clusters) {
    const keys = new Set([cluster.name.vi, cluster.name.en, ...cluster.aliases].map(clusterNameKey));
    for (const key of keys) byKey.set(key, [...(byKey.get(key) ?? []), cluster]);
  }
  const suggest = (key: string) =>
    [...byKey.entries()]
      .map(([candidate, found]) => ({ distance: editDistance(key, candidate), found }))
      .filter(({ distance }) => distance <= Math.max(3, Math.ceil(key.length / 2)))
      .sort((a, b) => a.distance - b.distance)
      .flatMap(({ found }) => found.map((cluster) => `${cluster.name.vi} (${cluster.id})`))
      .filter((name, index, all) => all.indexOf(name) === index)
      .slice(0, 3);

  return (reference: { id: string | null; name: string | null }): ClusterMatch => {
    const byIdMatch = reference.id === null ? undefined : byId.get(reference.id.trim());
    if (byIdMatch) return { cluster: byIdMatch, by: 'id' };
    for (const text of [reference.name, reference.id]) {
      if (text === null) continue;
      const found = byKey.get(clusterNameKey(text)) ?? [];
      const [only] = found;
      if (only && found.length === 1) return { cluster: only, by: 'name' };
      if (found.length > 1)
        return { cluster: null, ambiguous: found.map((cluster) => cluster.id), suggestions: [] };
    }
    const key = clusterNameKey(reference.name ?? reference.id ?? '');
    return { cluster: null, ambiguous: [], suggestions: key === '' ? [] : suggest(key) };
  };
}

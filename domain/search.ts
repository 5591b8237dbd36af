/**
 * Folds a text for search: lower-case, Vietnamese diacritics and tone marks removed (NFD, combining
 * marks dropped), `đ`/`Đ` as `d`, runs of whitespace as one space, no leading or trailing space.
 *
 * @example foldForSearch('  CCN Diên   Thọ ') // 'ccn dien tho'
 * @example foldForSearch('Đồng Tâm') // 'dong tam'
 */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Whether a name matches a search: every word of the query, folded, appears somewhere in the folded
 * name, in any order. Typing without diacritics finds names with them; an empty query matches all.
 *
 * @example matchesSearch('CCN Diên Thọ', 'dien tho') // true
 * @example matchesSearch('Trảng É 2', 'trang e 2') // true
 * @example matchesSearch('CCN Diên Thọ', 'ninh') // false
 */
export function matchesSearch(name: string, query: string): boolean {
  const foldedName = foldForSearch(name);
  const words = foldForSearch(query)
    .split(' ')
    .filter((word) => word !== '');
  return words.every((word) => foldedName.includes(word));
}

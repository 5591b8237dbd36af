/**
 * Splits text that grows as it arrives (an XMLHttpRequest's `responseText` during `onprogress`)
 * into complete lines, each given once; a line still arriving waits for its newline, or for
 * `final` at the end of the answer. Blank lines are skipped.
 *
 * @example const next = ndjsonLines(); next('{"a":1}\n{"b"') // ['{"a":1}']; next('{"a":1}\n{"b":2}', true) // ['{"b":2}']
 */
export function ndjsonLines(): (text: string, final?: boolean) => string[] {
  let consumed = 0;
  return (text, final = false) => {
    const end = final ? text.length : text.lastIndexOf('\n') + 1;
    if (end <= consumed) return [];
    const chunk = text.slice(consumed, end);
    consumed = end;
    return chunk.split('\n').filter((line) => line.trim() !== '');
  };
}

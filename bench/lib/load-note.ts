import os from 'node:os';

/**
 * The machine's load when a run started, said in the result: on a shared 2-core box another
 * process's work shows in every absolute number (less in ratios measured side by side).
 */
export function loadNote(loadAverage: number[] = os.loadavg()): string {
  const [one = 0, five = 0] = loadAverage;
  const cores = os.cpus().length;
  const busy = one > cores * 0.5 ? ' — other work was running: absolute numbers are low, compare ratios' : '';
  return `Load average at start: ${one.toFixed(2)} (1 min), ${five.toFixed(2)} (5 min) on ${cores} cores${busy}.`;
}

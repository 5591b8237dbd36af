import type { Target } from './target.ts';
import { vocabulary } from './vocabulary.ts';

/** Where a target stands (tình trạng thực hiện mục tiêu). */
export const targetStatuses = vocabulary({
  met: { vi: 'Đã đạt', en: 'Met' },
  'on-track': { vi: 'Đúng tiến độ', en: 'On track' },
  'at-risk': { vi: 'Có nguy cơ không đạt', en: 'At risk' },
  missed: { vi: 'Không đạt đúng hạn', en: 'Missed' },
  unknown: { vi: 'Chưa đánh giá được', en: 'Cannot be assessed' },
});
export type TargetStatus = (typeof targetStatuses.codes)[number];

/** A target closer than this to its deadline, and still short of `AT_RISK_SHARE` of its value, is at risk. */
export const AT_RISK_WINDOW_DAYS = 180;
/** Below this share of the target value, a target near its deadline is at risk. */
export const AT_RISK_SHARE = 0.9;
/** The value a milestone target (no figure, e.g. "clearance basically complete") is measured against: 100%. */
export const MILESTONE_VALUE = 100;

const MILLISECONDS_PER_DAY = 86_400_000;

/**
 * Days since 1970-01-01 of a `YYYY-MM-DD` date (a longer ISO string counts by its date as written).
 * The year is set with `setUTCFullYear`: `Date.UTC` reads years 0–99 as 1900–1999, which would put
 * `0050-01-01` after `0150-01-01` and refuse `0000-02-29` (year 0 is a leap year, 1900 is not).
 */
function dayNumber(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  const [, year, month, day] = match ?? [];
  const date = new Date(0);
  date.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  const time = date.getTime();
  if (
    !match ||
    Number.isNaN(time) ||
    date.getUTCMonth() !== Number(month) - 1 ||
    date.getUTCDate() !== Number(day)
  ) {
    throw new RangeError(`Not an ISO date: ${isoDate}`);
  }
  return time / MILLISECONDS_PER_DAY;
}

/**
 * Whether the target's deadline has passed on `asOf`. The deadline is the last day allowed, so on
 * the deadline itself it has not passed. A target without a deadline is never past it.
 *
 * @throws RangeError when `asOf` or the deadline is not an ISO date.
 * @example isPastDeadline({ ...target, deadline: '2024-12-31' }, '2025-01-01') // true
 */
export function isPastDeadline(target: Pick<Target, 'deadline'>, asOf: string): boolean {
  return target.deadline !== null && dayNumber(asOf) > dayNumber(target.deadline);
}

/**
 * Where a target stands on `asOf`, given the current figure. In order:
 * - current figure unknown → `unknown` (even past the deadline: the interface says "deadline
 *   passed, no figure" with `isPastDeadline`);
 * - current ≥ target value → `met`;
 * - deadline passed → `missed`;
 * - no deadline → `unknown`: nothing to be late against;
 * - deadline within `AT_RISK_WINDOW_DAYS` (180) days and current below `AT_RISK_SHARE` (90%) of
 *   the value → `at-risk`;
 * - otherwise `on-track`.
 *
 * A milestone target, which has no value, is measured against 100, as in "100% cleared". Every
 * target is one to reach or exceed (occupancy, clearance, compliant plants).
 *
 * @throws RangeError when `asOf` or the deadline is not an ISO date.
 * @example
 * // Sông Cầu occupancy target 45%; 38% three months before the deadline
 * targetStatus({ ...occupancy45, deadline: '2025-12-31' }, { current: 38, asOf: '2025-10-01' }) // 'at-risk'
 */
export function targetStatus(target: Target, input: { current: number | null; asOf: string }): TargetStatus {
  const { current } = input;
  const asOfDay = dayNumber(input.asOf);
  if (current === null || !Number.isFinite(current)) return 'unknown';
  const value = target.value ?? MILESTONE_VALUE;
  if (current >= value) return 'met';
  if (target.deadline === null) return 'unknown';
  const daysLeft = dayNumber(target.deadline) - asOfDay;
  if (daysLeft < 0) return 'missed';
  return daysLeft <= AT_RISK_WINDOW_DAYS && current < AT_RISK_SHARE * value ? 'at-risk' : 'on-track';
}

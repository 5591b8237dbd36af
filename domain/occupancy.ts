/**
 * Occupancy (tỷ lệ lấp đầy) in percent: leased ÷ leasable industrial land.
 * Unknown (null) when either area is unknown or nothing is leasable, never 0 by default; unknown
 * too when the quotient is not a finite number (a leased area astronomically larger than a
 * vanishingly small leasable one), since no percentage describes that.
 *
 * @example occupancyPercent(117.11, 149.96) // 78.09…
 */
export function occupancyPercent(
  leasedHectares: number | null | undefined,
  leasableHectares: number | null | undefined,
): number | null {
  if (leasedHectares == null || leasableHectares == null) return null;
  if (!Number.isFinite(leasedHectares) || !Number.isFinite(leasableHectares)) return null;
  if (leasableHectares <= 0 || leasedHectares < 0) return null;
  const percent = (leasedHectares / leasableHectares) * 100;
  return Number.isFinite(percent) ? percent : null;
}

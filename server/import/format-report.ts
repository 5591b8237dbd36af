import type { ImportPlan, PlannedItem } from './plan-import.ts';

/** Pads cells to their column's width; plain text, for a terminal. */
function table(rows: readonly (readonly string[])[]): string {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => [...(row[column] ?? '')].length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell + ' '.repeat((widths[column] ?? 0) - [...cell].length))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function areaCell(item: PlannedItem): string {
  if (!item.area) return '';
  return `${item.area.hectares.toFixed(2)}${item.area.measure === 'vn2000-plane' ? ' (VN-2000)' : ' (WGS84)'}`;
}

function comparisonCell(item: PlannedItem): string {
  return (item.area?.comparisons ?? [])
    .map((comparison) => {
      const sign = comparison.differenceHa >= 0 ? '+' : '';
      const which = comparison.key === 'plannedAreaHa' ? 'QH/planned' : 'TL/established';
      return `${which} ${comparison.declaredHa}: ${sign}${comparison.differenceHa.toFixed(2)} ha (${sign}${comparison.differencePercent.toFixed(1)}%)`;
    })
    .join('; ');
}

function geometryCell(item: PlannedItem): string {
  if (item.geometryType === null) return '—';
  if (item.invalidReason !== null) return `${item.geometryType} ✗ ${item.invalidReason}`;
  return item.geometry ? `${item.geometryType} ✓` : item.geometryType;
}

/**
 * The dry run's report as text for a terminal: the CRS, one line per feature or row (its cluster,
 * geometry, area against the declared one, figures), then the problems, warnings and unknown fields.
 */
export function formatPlanReport(plan: ImportPlan): string {
  const lines: string[] = [];
  lines.push(`Định dạng / Format: ${plan.format}`);
  if (plan.crs) {
    const from = {
      file: 'từ tệp / from the file',
      user: 'người dùng chọn / chosen',
      default: 'mặc định / default',
    }[plan.crs.from];
    lines.push(`Hệ tọa độ / CRS: ${plan.crs.code} — ${plan.crs.label.vi} / ${plan.crs.label.en} (${from})`);
  }
  lines.push(`Đã đọc / Read: ${plan.itemsRead}`, '');
  const header = [
    '#',
    'Trong tệp / In file',
    'Cụm / Cluster',
    'Hình / Geometry',
    'Diện tích / Area ha',
    'So với / vs declared',
    'Số liệu / Figures',
  ];
  const rows = plan.items.map((item) => [
    String(item.item),
    item.reference ?? '—',
    item.match
      ? `${item.match.clusterId} (${item.match.by === 'id' ? 'mã/id' : 'tên/name'})`
      : `✗${item.suggestions.length ? ` ? ${item.suggestions.join('; ')}` : ''}`,
    geometryCell(item),
    areaCell(item),
    comparisonCell(item),
    Object.entries(item.figures)
      .map(([key, figure]) => `${key}=${figure?.approximate ? '~' : ''}${figure?.value}`)
      .join(', '),
  ]);
  lines.push(table([header, ...rows]));
  if (plan.unknownFields.length > 0) {
    lines.push('', `Trường không nhận ra / Unknown fields: ${plan.unknownFields.join(', ')}`);
  }
  for (const note of plan.notes) lines.push('', `${note.vi}\n${note.en}`);
  if (plan.warnings.length > 0) {
    lines.push('', `Lưu ý / Warnings (${plan.warnings.length}):`);
    for (const warning of plan.warnings) lines.push(`  - ${warning.vi}`, `    ${warning.en}`);
  }
  if (plan.problems.length > 0) {
    lines.push('', `Lỗi — sẽ không nhập / Problems — will not import (${plan.problems.length}):`);
    for (const problem of plan.problems) lines.push(`  - ${problem.vi}`, `    ${problem.en}`);
  }
  return lines.join('\n');
}

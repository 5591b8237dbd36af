import type { BoundaryRefusal } from '../../domain/boundary-change.ts';
import { boundaryFindingText } from '../../domain/boundary-check.ts';
import { HttpError, invalidData } from '../errors.ts';
import type { AtlasStore } from '../store/store.ts';

// What a boundary write (a cluster's or a plot's) shares: its cited source, its refusal, its If-Match.

/** The source a write cites, which must be a document we hold. */
export async function citedSource(store: AtlasStore, sourceId: string) {
  const [source] = await store.getSources([sourceId]);
  if (!source) {
    throw invalidData(
      `Không có nguồn "${sourceId}": số liệu báo cáo phải dẫn một văn bản đã có.`,
      `There is no source "${sourceId}": a reported figure must cite a document we hold.`,
    );
  }
  return source;
}

/** A 422 naming every error the boundary check found (and its warnings, for the editor's panel). */
export function boundaryRefusal(
  check: BoundaryRefusal['check'],
  postgisReason: string | null,
): BoundaryRefusal {
  const errors = (check?.findings ?? [])
    .filter((finding) => finding.severity === 'error')
    .map(boundaryFindingText);
  if (postgisReason) {
    errors.push({
      vi: `PostGIS: hình không hợp lệ (${postgisReason}).`,
      en: `PostGIS: the shape is invalid (${postgisReason}).`,
    });
  }
  return {
    error: {
      code: 'invalid_boundary',
      message_vi: `Chưa lưu ranh giới: ${errors.map((text) => text.vi).join(' ')}`,
      message_en: `The boundary was not saved: ${errors.map((text) => text.en).join(' ')}`,
    },
    check,
  };
}

/** The version an If-Match header names (`"<kind>-<id>-v<n>"`), or a 428 that says what to send. */
export function ifMatchVersion(header: string | undefined, kind: 'cluster' | 'plot', id: string): number {
  const match = header?.trim().match(new RegExp(`^"${kind}-${id}-v(\\d{1,9})"$`));
  if (!match?.[1]) {
    throw new HttpError(
      428,
      'precondition_required',
      'Thiếu tiêu đề If-Match: hãy gửi ETag của phiên bản bạn đã đọc, để không ghi đè thay đổi của người khác.',
      'If-Match is missing: send the ETag of the version you read, so no one else’s change is overwritten.',
    );
  }
  return Number(match[1]);
}

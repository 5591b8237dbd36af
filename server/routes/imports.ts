import express, { type Request, type RequestHandler, type Response, Router } from 'express';
import type { AccountSummary } from '../../domain/account.ts';
import {
  type ImportEvent,
  type ImportPlanReport,
  MAX_IMPORT_FILE_BYTES,
  planReport,
} from '../../domain/import-api.ts';
import { assertProvinceEditor, csrfGuard } from '../auth/middleware.ts';
import { databaseUnavailable, HttpError, invalidData, isDatabaseUnavailable, notFound } from '../errors.ts';
import { applyImport } from '../import/apply-import.ts';
import { planImport } from '../import/plan-import.ts';
import { ImportFileError, refusal } from '../import/problems.ts';
import { type ImportReading, readImportFile } from '../import/read-import.ts';
import type { AtlasStore } from '../store/store.ts';
import { type ImportParameters, importParameters } from './import-params.ts';
import { eventLoopTurns, ImportAbandoned, startImportStream } from './import-stream.ts';

const PROVINCE_ID = /^[a-z0-9-]{1,64}$/;

/** What the checks before the upload found, for the handler after it. */
type ImportRequest = { provinceId: string; account: AccountSummary; parameters: ImportParameters };

export type ImportRouteOptions = {
  /** Largest body accepted, in bytes; tests lower it to try the 413 without sending 200 MB. */
  maxBytes?: number;
};

const megabytes = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.ceil(bytes / 1024)} KB`;

/**
 * Everything that can be refused before the file is read, so a refused upload costs nothing: the
 * province id, who asks (an editor of the province, or an admin), the province, the query, the
 * source. Must run before the body parser.
 */
function checkBeforeUpload(getStore: () => Promise<AtlasStore>): RequestHandler {
  return async (request, response, next) => {
    const provinceId = String(request.params.provinceId);
    if (!PROVINCE_ID.test(provinceId)) {
      throw new HttpError(
        400,
        'invalid_parameter',
        `Mã tỉnh không hợp lệ: "${provinceId.slice(0, 64)}".`,
        `Invalid province id: "${provinceId.slice(0, 64)}".`,
      );
    }
    const account = assertProvinceEditor(request, provinceId);
    const store = await getStore();
    if (!(await store.getProvince(provinceId))) {
      throw notFound({ vi: `tỉnh "${provinceId}"`, en: `Province "${provinceId}"` });
    }
    const parameters = importParameters(request);
    if (parameters.source && (await store.getSources([parameters.source])).length === 0) {
      throw invalidData(
        `Không có nguồn "${parameters.source}": dữ liệu nhập phải dẫn một văn bản đã có.`,
        `There is no source "${parameters.source}": an import must cite a document we hold.`,
      );
    }
    const checked: ImportRequest = { provinceId, account, parameters };
    response.locals.importRequest = checked;
    next();
  };
}

/** The raw file bytes (any Content-Type), with a bilingual 413 over `maxBytes`. */
function fileBody(maxBytes: number): RequestHandler {
  const raw = express.raw({ type: () => true, limit: maxBytes });
  return (request, response, next) =>
    raw(request, response, (error?: unknown) => {
      if ((error as { type?: string } | undefined)?.type !== 'entity.too.large') {
        next(error);
        return;
      }
      next(
        new HttpError(
          413,
          'file_too_large',
          `Tệp lớn hơn giới hạn ${megabytes(maxBytes)}. Hãy chia tệp thành nhiều phần, hoặc nén Shapefile thành .zip.`,
          `The file is over the ${megabytes(maxBytes)} limit. Split it into several files, or zip the Shapefile.`,
        ),
      );
    });
}

/** Reads the uploaded file; a file that cannot be read at all is a 422 with the reader's reason. */
async function readUpload(request: Request, parameters: ImportParameters): Promise<ImportReading> {
  const body: unknown = request.body;
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw new HttpError(
      400,
      'empty_file',
      'Không nhận được nội dung tệp: hãy gửi tệp làm nội dung yêu cầu (application/octet-stream).',
      'No file was received: send the file as the request body (application/octet-stream).',
    );
  }
  try {
    const bytes = new Uint8Array(body.buffer, body.byteOffset, body.length);
    return await readImportFile(parameters.fileName, bytes, { crs: parameters.crs });
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    throw new HttpError(422, 'unreadable_file', error.vi, error.en);
  }
}

const errorEvent = (error: HttpError, plan?: ImportPlanReport): ImportEvent => ({
  type: 'error',
  status: error.status,
  error: { code: error.code, message_vi: error.messageVi, message_en: error.messageEn },
  ...(plan ? { plan } : {}),
});

/** Plans (and, when asked, commits) the import, streaming progress, then the plan, result or error. */
async function runImport(store: AtlasStore, request: Request, response: Response, reading: ImportReading) {
  const { provinceId, account, parameters } = response.locals.importRequest as ImportRequest;
  const stream = startImportStream(response);
  try {
    // Only this province's clusters: an editor imports for the province they were given.
    const clusters = await store.listClusterProperties(provinceId);
    const turn = eventLoopTurns();
    const plan = await planImport(reading, {
      clusters,
      checkGeometry: async (geometry) => {
        await turn();
        return store.checkGeometry(geometry);
      },
      onProgress: stream.progress,
    });
    const report = planReport(plan);
    if (!parameters.commit) {
      stream.finish({ type: 'plan', plan: report });
      return;
    }
    // A plan with problems is refused whole before anything is written; the plan says why.
    if (plan.problems.length > 0) {
      stream.finish(errorEvent(refusal(plan.problems), report));
      return;
    }
    const result = await applyImport(plan, store, {
      source: parameters.source ?? '',
      asOf: parameters.asOf,
      actor: { accountId: account.id, accountName: account.displayName },
      dryRun: false,
      onProgress: stream.progress,
    });
    stream.finish({ type: 'result', plan: report, result });
  } catch (error) {
    if (error instanceof ImportAbandoned) {
      response.end();
    } else if (error instanceof HttpError) {
      stream.finish(errorEvent(error));
    } else if (isDatabaseUnavailable(error)) {
      // The database went away mid-import: the transaction is gone with it, so nothing was written.
      stream.finish(errorEvent(databaseUnavailable()));
    } else {
      request.log?.error({ err: error }, 'import failed');
      stream.finish(
        errorEvent(
          new HttpError(
            500,
            'internal',
            'Lỗi máy chủ khi nhập. Không có gì được ghi; vui lòng thử lại.',
            'Server error while importing. Nothing was written; please try again.',
          ),
        ),
      );
    }
  }
}

/**
 * `POST /api/provinces/{id}/imports?fileName=…&crs=…&source=…&asOf=…&commit=true|false`, the file
 * as the body: the in-app import, a dry run unless `commit=true`. Refusals before the work begins
 * (rights, parameters, size, an unreadable file) are plain 4xx JSON; after that the answer is NDJSON
 * (`ImportEvent`, domain/import-api.ts): progress, then the plan, the result or an error. A commit
 * is all or nothing (store.applyClusterUpdates) and audited under the account.
 */
export function importRoutes(getStore: () => Promise<AtlasStore>, options: ImportRouteOptions = {}): Router {
  const router = Router();
  router.post(
    '/provinces/:provinceId/imports',
    csrfGuard,
    checkBeforeUpload(getStore),
    fileBody(options.maxBytes ?? MAX_IMPORT_FILE_BYTES),
    async (request, response) => {
      const { parameters } = response.locals.importRequest as ImportRequest;
      const reading = await readUpload(request, parameters);
      await runImport(await getStore(), request, response, reading);
    },
  );
  return router;
}

import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { DESKTOP_LIMITS } from '../../shared/desktop-bridge';
import { AppError, type ErrorBody } from '../../shared/errors';
import { TOKEN_HEADER } from '../../shared/rpc-client';
import { contentDisposition, FILE_NAME_HEADER, reportFileName } from '../../shared/weeklog/file-name';
import { weekLabel } from '../../shared/weeklog/iso-week';
import { WEEKLOG_LIMITS } from '../../shared/weeklog/limits';
import { isoWeekField } from '../../shared/contract/week-notes';
import { weeklyReport } from '../features/report/data';
import { reportPdf } from '../features/report/pdf';
import { reportXlsx } from '../features/report/xlsx';
import { exportWeeklog } from '../features/weeklog/export';
import { importWeeklogFiles } from '../features/weeklog/import';
import type { HandlerContext } from '../rpc/types';
import { allowedOrigins, SECURITY_HEADERS, tokensMatch } from './security';

/**
 * Files in and out, beside /rpc: weekly-log files and the 周报 are binary and can pass the
 * 1 MiB JSON limit of an RPC body. Same guards as /rpc — Host, Origin, the per-launch
 * token, POST only, a declared content type — with a limit sized for files.
 *
 *   POST /export-week   JSON {scope: 'week'|'since-last-export', week?}  → the .qzlog file
 *   POST /import-week   multipart/form-data, field `files` (repeated); query dryRun=1,
 *                       confirm=<manifest sha256>,…                       → {data: WeeklogImportResult}
 *   POST /report        JSON {week, format: 'xlsx'|'pdf'}                 → the file
 *
 * A file's name travels in Content-Disposition (RFC 6266/5987) and, URI-encoded, in
 * `x-qz-file-name`, which fetch() can read without parsing the former.
 */
export interface FilesAppOptions {
  ctx: HandlerContext;
  token: string;
  /** The one origin whose pages may call, e.g. `http://127.0.0.1:5178` or `app://qianzhao`. */
  origin: string;
}

/** All files of one import together; each file is also held to WEEKLOG_LIMITS.maxFileBytes. */
export const MAX_FILES_BODY_BYTES = DESKTOP_LIMITS.maxBytes + 1024 * 1024;
const MAX_JSON_BODY_BYTES = 64 * 1024;
export { FILE_NAME_HEADER } from '../../shared/weeklog/file-name';

const exportInput = z.object({ scope: z.enum(['week', 'since-last-export']).default('week'), week: isoWeekField.optional() }).strict();
const reportInput = z.object({ week: isoWeekField, format: z.enum(['xlsx', 'pdf']) }).strict();

const MIME = {
  qzlog: 'application/zip',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

export function createFilesApp(options: FilesAppOptions): Hono {
  const { ctx } = options;
  const { origins, hosts } = allowedOrigins(options.origin);
  const app = new Hono();

  app.use('*', async (c, next) => {
    if (!hosts.has(new URL(c.req.url).host)) return errorResponse(c, new AppError('E_FORBIDDEN_ORIGIN'));
    if (c.req.method !== 'POST') return errorResponse(c, new AppError('E_BAD_REQUEST', '接口只接受 POST 请求'), 405);
    const origin = c.req.header('origin');
    if (origin !== undefined && !origins.has(origin)) return errorResponse(c, new AppError('E_FORBIDDEN_ORIGIN'));
    if (!tokensMatch(c.req.header(TOKEN_HEADER), options.token)) return errorResponse(c, new AppError('E_UNAUTHORIZED'));
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
    c.res.headers.set('cache-control', 'no-store');
  });

  const tooLarge = (c: Context) => errorResponse(c, new AppError('E_PAYLOAD_TOO_LARGE'));
  const jsonBody = async <T>(c: Context, schema: z.ZodType<T>): Promise<T> => {
    if (!(c.req.header('content-type') ?? '').startsWith('application/json')) throw new AppError('E_BAD_REQUEST', '请求内容类型必须是 application/json');
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new AppError('E_BAD_REQUEST', '请求内容不是有效的 JSON');
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const code = (issue as { params?: { code?: string } } | undefined)?.params?.code ?? 'E_VALIDATION';
      throw new AppError(code, issue?.message, [{ path: issue?.path.join('.') ?? '', code, message: issue?.message ?? '' }]);
    }
    return parsed.data;
  };

  app.post('/export-week', bodyLimit({ maxSize: MAX_JSON_BODY_BYTES, onError: tooLarge }), async (c) => {
    const input = await jsonBody(c, exportInput);
    const file = exportWeeklog(ctx, { scope: input.scope, week: input.week });
    return fileResponse(file.bytes, file.fileName, MIME.qzlog);
  });

  app.post('/import-week', bodyLimit({ maxSize: MAX_FILES_BODY_BYTES, onError: tooLarge }), async (c) => {
    if (!(c.req.header('content-type') ?? '').startsWith('multipart/form-data')) throw new AppError('E_BAD_REQUEST', '请以 multipart/form-data 上传周志文件');
    let form: Record<string, string | File | (string | File)[]>;
    try {
      form = await c.req.parseBody({ all: true });
    } catch {
      throw new AppError('E_BAD_REQUEST', '上传的内容无法读取');
    }
    const picked = ([] as (string | File)[]).concat(form.files ?? []).filter((item): item is File => typeof item !== 'string');
    if (picked.length === 0) throw new AppError('E_BAD_REQUEST', '请选择至少一个周志文件（.qzlog）');
    if (picked.length > WEEKLOG_LIMITS.maxFilesPerImport) throw new AppError('E_WEEKLOG_TOO_MANY_FILES', `一次最多导入 ${WEEKLOG_LIMITS.maxFilesPerImport} 个文件`);
    const files = [];
    for (const file of picked) {
      // An oversized file is refused by the import, by name; its bytes are not even read.
      const oversize = file.size > WEEKLOG_LIMITS.maxFileBytes;
      files.push({ name: baseName(file.name), bytes: oversize ? new Uint8Array(0) : new Uint8Array(await file.arrayBuffer()), oversize });
    }
    const dryRun = c.req.query('dryRun') === '1' || c.req.query('dryRun') === 'true';
    const confirm = (c.req.query('confirm') ?? '').split(',').filter((hash) => /^[0-9a-f]{64}$/.test(hash));
    return c.json({ data: importWeeklogFiles(ctx, files, { dryRun, confirm }) });
  });

  app.post('/report', bodyLimit({ maxSize: MAX_JSON_BODY_BYTES, onError: tooLarge }), async (c) => {
    const input = await jsonBody(c, reportInput);
    const report = weeklyReport(ctx.db, input.week, ctx.now());
    const bytes = input.format === 'xlsx' ? await reportXlsx(report) : await reportPdf(report);
    return fileResponse(bytes, reportFileName(report.teamName, input.week, input.format), MIME[input.format], weekLabel(input.week));
  });

  app.onError((error, c) => {
    if (error instanceof AppError) return errorResponse(c, error);
    console.error(`[files] ${c.req.method} ${new URL(c.req.url).pathname} failed:`, error);
    return errorResponse(c, new AppError('E_INTERNAL'));
  });
  app.notFound((c) => errorResponse(c, new AppError('E_NOT_FOUND', '不存在的文件接口'), 404));
  return app;
}

function fileResponse(bytes: Uint8Array, fileName: string, type: string, title?: string): Response {
  const headers = new Headers({
    'content-type': type,
    'content-length': String(bytes.byteLength),
    'content-disposition': contentDisposition(fileName),
    [FILE_NAME_HEADER]: encodeURIComponent(fileName),
    'x-content-type-options': 'nosniff',
  });
  if (title) headers.set('x-qz-title', encodeURIComponent(title));
  return new Response(new Uint8Array(bytes), { status: 200, headers });
}

/** The bare name of an uploaded file, never a path (browsers send bare names; other clients may not). */
function baseName(name: string): string {
  return (name.split(/[/\\]/).pop() ?? '').slice(0, 255) || '未命名.qzlog';
}

function errorResponse(c: Context, error: AppError, status?: number): Response {
  const body: { error: ErrorBody } = { error: error.toBody() };
  return c.json(body, (status ?? error.status) as 400);
}

import { z } from 'zod';
import { errors } from './errors';

/**
 * Reads a JSON request body of at most `maxBytes`: the declared length is checked first,
 * then the stream is counted as it arrives, so an oversize body is refused (413) without
 * being buffered whole. Malformed JSON or invalid UTF-8 is a 400.
 */
export async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw errors.unsupportedMediaType();
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) throw errors.tooLarge(maxBytes);
  const bytes = await readLimited(request, maxBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw errors.badRequest('请求内容不是有效的 UTF-8 文本');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw errors.badRequest('请求内容不是有效的 JSON');
  }
}

async function readLimited(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw errors.tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** Validates with a zod schema; the first issue becomes the Chinese message, all issues the details. */
const chinese = z.locales.zhCN().localeError;

export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value, { error: chinese });
  if (parsed.success) return parsed.data;
  throw errors.validation(parsed.error.issues.slice(0, 20).map((issue) => ({ path: issue.path.join('.'), message: issue.message })));
}

export async function readBody<S extends z.ZodType>(request: Request, schema: S, maxBytes: number): Promise<z.infer<S>> {
  return parseWith(schema, await readJson(request, maxBytes));
}

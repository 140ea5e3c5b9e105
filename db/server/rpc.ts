import type { z } from 'zod';
import { contract, isMethodName, type MethodName } from '../../shared/contract';
import { AppError, type ErrorDetail } from '../../shared/errors';
import type { Handler, HandlerContext } from '../rpc/types';
import { handlers } from '../rpc/registry';

/** Upper bound for one RPC body; file imports use their own, larger route. */
export const MAX_RPC_BODY_BYTES = 1024 * 1024;

/**
 * Parses and validates the input, then runs the handler. Invalid input never reaches a
 * handler, so it cannot cause a write. Returns the handler's output or throws AppError.
 */
export async function dispatch(methodName: string, rawBody: string, ctx: HandlerContext): Promise<unknown> {
  if (!isMethodName(methodName)) throw new AppError('E_UNKNOWN_METHOD', `不存在的接口：${methodName.slice(0, 80)}`);
  let body: unknown;
  try {
    body = rawBody.trim() === '' ? {} : JSON.parse(rawBody);
  } catch {
    throw new AppError('E_BAD_REQUEST', '请求内容不是有效的 JSON');
  }
  const schema: z.ZodType = contract[methodName].input;
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const details: ErrorDetail[] = parsed.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      // Domain validators put their stable code (E_USCC_CHECKSUM …) in params.code.
      code: domainCode(issue) ?? issue.code,
      message: issue.message,
    }));
    const first = details[0];
    const code = first && first.code.startsWith('E_') ? first.code : 'E_VALIDATION';
    throw new AppError(code, first ? `${first.message}` : undefined, details);
  }
  const handler = handlers[methodName as MethodName] as Handler<MethodName>;
  return handler(parsed.data as never, ctx);
}

function domainCode(issue: z.core.$ZodIssue): string | undefined {
  const params = (issue as { params?: { code?: unknown } }).params;
  return typeof params?.code === 'string' ? params.code : undefined;
}

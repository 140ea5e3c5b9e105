import type { ErrorBody, ErrorDetail } from './errors';
import { isErrorBody, messageFor } from './errors';
import type { InputOf, MethodName, OutputOf } from './contract';

export const TOKEN_HEADER = 'x-qz-token';
export const TOKEN_META_NAME = 'qz-token';

/** An error answered by the backend (or the network failing), with its stable code. */
export class RpcError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: ErrorDetail[];

  constructor(body: ErrorBody, status: number) {
    super(body.message);
    this.name = 'RpcError';
    this.code = body.code;
    this.status = status;
    this.details = body.details ?? [];
  }
}

export interface RpcClientOptions {
  token: string;
  /** Defaults to the page's own origin (same-origin fetch). */
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
}

export type RpcCall = <M extends MethodName>(method: M, input: InputOf<M>) => Promise<OutputOf<M>>;

export function createRpcClient(options: RpcClientOptions): RpcCall {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const base = options.baseUrl ?? '';
  return async (method, input) => {
    let response: Response;
    try {
      response = await doFetch(`${base}/rpc/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: options.token },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      throw new RpcError({ code: 'E_NETWORK', message: messageFor('E_NETWORK') }, 0);
    }
    const payload: unknown = await response.json().catch(() => null);
    if (response.ok && payload !== null && typeof payload === 'object' && 'data' in payload) {
      return (payload as { data: OutputOf<typeof method> }).data;
    }
    const error = payload !== null && typeof payload === 'object' ? (payload as { error?: unknown }).error : undefined;
    throw new RpcError(isErrorBody(error) ? error : { code: 'E_INTERNAL', message: messageFor('E_INTERNAL') }, response.status);
  };
}

import { createRpcClient, RpcError, TOKEN_META_NAME } from '../../shared/rpc-client';
import { t } from './i18n';

/** The backend writes the per-launch token into index.html; without it no call is authorised. */
function readToken(): string {
  return document.querySelector<HTMLMetaElement>(`meta[name="${TOKEN_META_NAME}"]`)?.content ?? '';
}

/** The renderer's only way to the backend: same-origin fetch of the typed contract. */
export const rpc = createRpcClient({ token: readToken() });

/** A message fit for people, whatever was thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof RpcError) return error.message;
  return t.errors.E_INTERNAL;
}

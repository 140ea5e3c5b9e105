import { isErrorBody } from '../../shared/errors';
import { RpcError, TOKEN_HEADER, TOKEN_META_NAME } from '../../shared/rpc-client';
import { FILE_NAME_HEADER, FILES_API_BASE } from '../../shared/weeklog/file-name';
import { t } from './i18n';

/**
 * Downloads from the backend's file routes (db/server/files.ts): same origin, same
 * per-launch token as /rpc, errors in the same `{error}` shape (thrown as RpcError).
 */
export interface DownloadedFile {
  fileName: string;
  bytes: Uint8Array;
  type: string;
}

function token(): string {
  return document.querySelector<HTMLMetaElement>(`meta[name="${TOKEN_META_NAME}"]`)?.content ?? '';
}

export async function postForFile(path: string, body: unknown): Promise<DownloadedFile> {
  let response: Response;
  try {
    response = await fetch(`${FILES_API_BASE}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token() }, body: JSON.stringify(body) });
  } catch {
    throw new RpcError({ code: 'E_NETWORK', message: t.errors.E_NETWORK }, 0);
  }
  if (!response.ok) {
    const payload: unknown = await response.json().catch(() => null);
    const error = payload !== null && typeof payload === 'object' ? (payload as { error?: unknown }).error : undefined;
    throw new RpcError(isErrorBody(error) ? error : { code: 'E_INTERNAL', message: t.errors.E_INTERNAL }, response.status);
  }
  return {
    fileName: decodeURIComponent(response.headers.get(FILE_NAME_HEADER) ?? 'download'),
    bytes: new Uint8Array(await response.arrayBuffer()),
    type: response.headers.get('content-type') ?? 'application/octet-stream',
  };
}

/**
 * Saves bytes the user asked for: through the desktop shell's save dialog when there is
 * one, else as a browser download. (Same as cockpit's; a candidate for renderer/lib/.)
 */
export async function saveBytes(file: DownloadedFile): Promise<boolean> {
  const desktop = window.qianzhaoDesktop;
  if (desktop) {
    const extension = file.fileName.split('.').pop() ?? '*';
    const result = await desktop.saveFile({ suggestedName: file.fileName, bytes: file.bytes, filters: [{ name: extension.toUpperCase(), extensions: [extension] }] });
    return result.saved;
  }
  const url = URL.createObjectURL(new Blob([file.bytes as BlobPart], { type: file.type }));
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = file.fileName;
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return true;
}

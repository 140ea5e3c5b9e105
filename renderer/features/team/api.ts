import type { teamContract } from '../../../shared/contract/team';
import type { weeklogContract, WeeklogImportResult } from '../../../shared/contract/weeklog';
import { isErrorBody } from '../../../shared/errors';
import { RpcError, TOKEN_HEADER, TOKEN_META_NAME } from '../../../shared/rpc-client';
import type { ContractCall } from '../../../shared/weeklog/contract-call';
import { FILES_API_BASE } from '../../../shared/weeklog/file-name';
import { t } from '../../lib/i18n';
import { rpc } from '../../lib/rpc';

/** This feature's methods over the app's one RPC client (see shared/weeklog/contract-call.ts). */
export const teamRpc = rpc as unknown as ContractCall<typeof teamContract & typeof weeklogContract>;

export interface PickedWeeklog {
  name: string;
  bytes: Uint8Array;
}

/**
 * Uploads weekly-log files to POST /api/files/import-week (multipart; the RPC body limit
 * is too small for a season of files). `dryRun`: merge, report, roll back.
 */
export async function importWeekFiles(files: readonly PickedWeeklog[], options: { dryRun: boolean; confirm: readonly string[] }): Promise<WeeklogImportResult> {
  const form = new FormData();
  for (const file of files) form.append('files', new File([file.bytes as BlobPart], file.name, { type: 'application/zip' }));
  const query = new URLSearchParams();
  if (options.dryRun) query.set('dryRun', '1');
  if (options.confirm.length > 0) query.set('confirm', options.confirm.join(','));
  const token = document.querySelector<HTMLMetaElement>(`meta[name="${TOKEN_META_NAME}"]`)?.content ?? '';
  let response: Response;
  try {
    response = await fetch(`${FILES_API_BASE}/import-week?${query.toString()}`, { method: 'POST', headers: { [TOKEN_HEADER]: token }, body: form });
  } catch {
    throw new RpcError({ code: 'E_NETWORK', message: t.errors.E_NETWORK }, 0);
  }
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok && payload !== null && typeof payload === 'object' && 'data' in payload) return (payload as { data: WeeklogImportResult }).data;
  const error = payload !== null && typeof payload === 'object' ? (payload as { error?: unknown }).error : undefined;
  throw new RpcError(isErrorBody(error) ? error : { code: 'E_INTERNAL', message: t.errors.E_INTERNAL }, response.status);
}

/** Files from the desktop shell's dialog, or from a browser <input type=file> / drop. */
export async function pickWithDesktop(): Promise<PickedWeeklog[] | null> {
  const desktop = window.qianzhaoDesktop;
  if (!desktop) return null;
  const files = await desktop.pickFiles({ title: '选择周志文件', multiple: true, filters: [{ name: '周志文件', extensions: ['qzlog'] }] });
  return files.map((file) => ({ name: file.name, bytes: file.bytes }));
}

export async function readBrowserFiles(list: FileList | readonly File[]): Promise<PickedWeeklog[]> {
  return Promise.all(Array.from(list).map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
}

/**
 * Ledger files on their way in. A file can exceed the 1 MiB RPC body limit, so the
 * renderer sends it in base64 chunks of 512 KiB over the ordinary `ledger.upload`
 * method (same token, origin and validation as every call; no second route to secure).
 * Files are held in memory by an unguessable id, a few at a time, for an hour.
 */
import { randomUUID } from 'node:crypto';
import type { LedgerUploadState } from '../../../shared/contract/ledger';
import { AppError } from '../../../shared/errors';
import { readLedgerWorkbook, type LedgerWorkbook } from './workbook';

const MAX_UPLOADS = 4;
const TTL_MS = 60 * 60 * 1000;

interface Upload {
  id: string;
  fileName: string;
  bytes: Uint8Array;
  received: number;
  touchedAt: number;
  workbook: LedgerWorkbook | null;
}

const uploads = new Map<string, Upload>();

export interface ChunkInput {
  uploadId?: string | undefined;
  fileName: string;
  totalBytes: number;
  offset: number;
  data: string;
}

export function receiveChunk(input: ChunkInput, now = Date.now()): LedgerUploadState {
  expire(now);
  let upload: Upload;
  if (input.uploadId === undefined) {
    if (input.offset !== 0) throw new AppError('E_BAD_REQUEST', '上传必须从文件开头开始');
    while (uploads.size >= MAX_UPLOADS) uploads.delete(oldest());
    upload = { id: randomUUID(), fileName: input.fileName, bytes: new Uint8Array(input.totalBytes), received: 0, touchedAt: now, workbook: null };
    uploads.set(upload.id, upload);
  } else {
    upload = requireUpload(input.uploadId);
  }
  const chunk = Buffer.from(input.data, 'base64');
  if (input.offset !== upload.received || input.totalBytes !== upload.bytes.length || upload.received + chunk.length > upload.bytes.length) {
    throw new AppError('E_BAD_REQUEST', '上传的文件片段顺序不对，请重新选择文件');
  }
  upload.bytes.set(chunk, upload.received);
  upload.received += chunk.length;
  upload.touchedAt = now;
  return { uploadId: upload.id, receivedBytes: upload.received, complete: upload.received === upload.bytes.length };
}

/** The parsed workbook of a complete upload (parsed once, then reused by inspect, preview and import). */
export function uploadedWorkbook(uploadId: string, now = Date.now()): LedgerWorkbook {
  expire(now);
  const upload = requireUpload(uploadId);
  if (upload.received !== upload.bytes.length) throw new AppError('E_BAD_REQUEST', '文件尚未上传完整');
  upload.touchedAt = now;
  upload.workbook ??= readLedgerWorkbook(upload.bytes, upload.fileName);
  return upload.workbook;
}

/** For files that are already here (the CLI, tests). */
export function storeUpload(fileName: string, bytes: Uint8Array): string {
  const state = receiveChunk({ fileName, totalBytes: bytes.length, offset: 0, data: Buffer.from(bytes).toString('base64') });
  return state.uploadId;
}

function requireUpload(id: string): Upload {
  const upload = uploads.get(id);
  if (!upload) throw new AppError('E_NOT_FOUND', '上传的文件已过期，请重新选择文件', [{ path: 'uploadId', code: 'E_NOT_FOUND', message: '上传已过期' }]);
  return upload;
}

function expire(now: number): void {
  for (const [id, upload] of uploads) if (now - upload.touchedAt > TTL_MS) uploads.delete(id);
}

function oldest(): string {
  let found: Upload | undefined;
  for (const upload of uploads.values()) if (!found || upload.touchedAt < found.touchedAt) found = upload;
  return found!.id;
}

import { dataFolderKeyStore } from '../keys/file-key-store';
import type { KeyStore } from '../keys/key';

/** The CLI runs in plain Node: the key file, or a clear word for a desktop folder (see dataFolderKeyStore). */
export function cliKeyStore(dataDir: string): KeyStore {
  return dataFolderKeyStore(dataDir);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`;
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

const KIND_LABELS: Record<string, string> = { auto: '自动', manual: '手动', risk: '操作前' };

export function describeBackup(backup: { name: string; kind: string; reason: string | null; createdAt: Date; sizeBytes: number }): string {
  const when = backup.createdAt.toLocaleString('zh-CN', { hour12: false });
  const why = backup.reason ? `（${backup.reason}）` : '';
  return `${when}  ${KIND_LABELS[backup.kind] ?? backup.kind}${why}  ${formatBytes(backup.sizeBytes)}  ${backup.name}`;
}

/**
 * File names for weekly logs: `张三_2026-W48.qzlog` for a week, `张三_2026-W48_增量.qzlog`
 * for "everything since my last export". Names must survive Windows, WeChat and e-mail, so
 * characters Windows forbids and control characters are dropped.
 */
export const WEEKLOG_EXTENSION = 'qzlog';
const MAX_PERSON_NAME = 40;
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;

export type ExportScope = 'week' | 'since-last-export';

/** A person's name as a file-name part: forbidden characters removed, no leading/trailing dots or spaces. */
export function safeFileNamePart(value: string, fallback: string): string {
  const cleaned = Array.from(value.normalize('NFC').replace(FORBIDDEN, '').replace(/\s+/g, ' ').trim().replace(/^[.\s]+|[.\s]+$/g, ''))
    .slice(0, MAX_PERSON_NAME)
    .join('')
    .trim();
  return cleaned === '' ? fallback : cleaned;
}

export function weeklogFileName(personName: string, week: string, scope: ExportScope): string {
  const person = safeFileNamePart(personName, '队员');
  return scope === 'week' ? `${person}_${week}.${WEEKLOG_EXTENSION}` : `${person}_${week}_增量.${WEEKLOG_EXTENSION}`;
}

/** `驻深工作队_2026-W48_周报.xlsx` */
export function reportFileName(teamName: string, week: string, format: 'xlsx' | 'pdf'): string {
  return `${safeFileNamePart(teamName, '工作队')}_${week}_周报.${format}`;
}

/** `attachment; filename="…"; filename*=UTF-8''…` — the ASCII fallback keeps old clients from mangling Chinese. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Where the backend mounts db/server/files.ts: the renderer's uploads and downloads go here. */
export const FILES_API_BASE = '/api/files';
/** The header carrying a downloaded file's name, URI-encoded. */
export const FILE_NAME_HEADER = 'x-qz-file-name';

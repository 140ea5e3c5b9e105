/**
 * The main-process side of `window.qianzhaoDesktop`: the file dialogs. Every call is checked
 * for its sender and every argument for its shape and size before anything touches the
 * disk. Electron itself is injected (see main.ts), so all of this runs under plain Node tests.
 */
import nodePath from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import {
  DESKTOP_CHANNELS,
  DESKTOP_LIMITS,
  formatDesktopError,
  type DesktopErrorCode,
  type FileFilter,
  type PickedFile,
  type PickFilesOptions,
  type SaveFileOptions,
  type SaveFileResult,
} from '../shared/desktop-bridge';
import type { DesktopFiles } from './files';
import { isTrustedSender } from './policy';

const MESSAGES: Record<DesktopErrorCode, string> = {
  E_DESKTOP_UNTRUSTED_SENDER: '请求来源不可信，已拒绝',
  E_DESKTOP_BAD_ARGUMENT: '文件操作的参数不正确',
  E_DESKTOP_TOO_LARGE: `文件过大，单次最多 ${DESKTOP_LIMITS.maxBytes / 1024 / 1024} MB、${DESKTOP_LIMITS.maxPickedFiles} 个文件`,
  E_DESKTOP_IO: '读写文件失败',
};

/** Thrown to the page; the code survives Electron's IPC inside the message. */
export class DesktopBridgeError extends Error {
  constructor(
    readonly code: DesktopErrorCode,
    detail?: string,
  ) {
    super(formatDesktopError(code, detail ? `${MESSAGES[code]}：${detail}` : MESSAGES[code]));
    this.name = 'DesktopBridgeError';
  }
}

/** What an IPC event must offer for the sender check; Electron's IpcMainInvokeEvent fits. */
export interface SenderEvent {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

/** The top frame of a page on our own origin; a destroyed frame (null) is refused. */
export function isTrustedSenderFrame(frame: SenderEvent['senderFrame'] | undefined): boolean {
  return frame != null && frame.parent === null && isTrustedSender(frame.url);
}

// ---- argument validation: input is whatever a compromised page might send ----

const CONTROL = /[\u0000-\u001f\u007f]/;
/** Characters Windows forbids in a file name, plus both separators. */
const NOT_IN_FILE_NAME = /[<>:"/\\|?*\u0000-\u001f\u007f]/;
const EXTENSION = /^(\*|[A-Za-z0-9][A-Za-z0-9_-]{0,15})$/;

function bad(detail: string): DesktopBridgeError {
  return new DesktopBridgeError('E_DESKTOP_BAD_ARGUMENT', detail);
}

function plainObject(value: unknown, what: string, allowed: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || ArrayBuffer.isView(value)) throw bad(`${what} 必须是对象`);
  const record = value as Record<string, unknown>;
  const unknownKey = Object.keys(record).find((key) => !allowed.includes(key));
  if (unknownKey !== undefined) throw bad(`${what} 含有未知字段 ${unknownKey.slice(0, 40)}`);
  return record;
}

function text(value: unknown, what: string, maxLength: number): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > maxLength || CONTROL.test(value)) {
    throw bad(`${what} 必须是 1–${maxLength} 个字符的文本`);
  }
  return value;
}

function parseFilters(value: unknown): FileFilter[] {
  if (!Array.isArray(value) || value.length > DESKTOP_LIMITS.maxFilters) throw bad(`filters 必须是最多 ${DESKTOP_LIMITS.maxFilters} 项的数组`);
  return value.map((entry, index) => {
    const filter = plainObject(entry, `filters[${index}]`, ['name', 'extensions']);
    const name = text(filter.name, `filters[${index}].name`, DESKTOP_LIMITS.maxFilterNameLength);
    const extensions = filter.extensions;
    if (!Array.isArray(extensions) || extensions.length === 0 || extensions.length > DESKTOP_LIMITS.maxExtensionsPerFilter) {
      throw bad(`filters[${index}].extensions 必须是 1–${DESKTOP_LIMITS.maxExtensionsPerFilter} 项的数组`);
    }
    for (const extension of extensions) {
      if (typeof extension !== 'string' || !EXTENSION.test(extension)) throw bad(`filters[${index}].extensions 含有无效扩展名（不带点，如 xlsx）`);
    }
    return { name, extensions: [...(extensions as string[])] };
  });
}

export function parsePickFilesOptions(input: unknown): PickFilesOptions {
  if (input === undefined) return {};
  const record = plainObject(input, 'options', ['title', 'filters', 'multiple']);
  const options: PickFilesOptions = {};
  if (record.title !== undefined) options.title = text(record.title, 'title', DESKTOP_LIMITS.maxTitleLength);
  if (record.filters !== undefined) options.filters = parseFilters(record.filters);
  if (record.multiple !== undefined) {
    if (typeof record.multiple !== 'boolean') throw bad('multiple 必须是 true 或 false');
    options.multiple = record.multiple;
  }
  return options;
}

export function parseSaveFileOptions(input: unknown): SaveFileOptions {
  const record = plainObject(input, 'options', ['suggestedName', 'bytes', 'title', 'filters']);
  const suggestedName = text(record.suggestedName, 'suggestedName', DESKTOP_LIMITS.maxFileNameLength);
  // A bare name only: the user, not the page, chooses the folder.
  if (NOT_IN_FILE_NAME.test(suggestedName) || suggestedName === '.' || suggestedName === '..' || /[. ]$/.test(suggestedName)) {
    throw bad('suggestedName 必须是不含路径和特殊字符的文件名');
  }
  const bytes = record.bytes;
  if (!(bytes instanceof Uint8Array)) throw bad('bytes 必须是 Uint8Array');
  if (bytes.byteLength > DESKTOP_LIMITS.maxBytes) throw new DesktopBridgeError('E_DESKTOP_TOO_LARGE');
  const options: SaveFileOptions = { suggestedName, bytes };
  if (record.title !== undefined) options.title = text(record.title, 'title', DESKTOP_LIMITS.maxTitleLength);
  if (record.filters !== undefined) options.filters = parseFilters(record.filters);
  return options;
}

export function toOpenDialogOptions(options: PickFilesOptions): OpenDialogOptions {
  const dialog: OpenDialogOptions = { properties: options.multiple ? ['openFile', 'multiSelections'] : ['openFile'] };
  if (options.title !== undefined) dialog.title = options.title;
  if (options.filters !== undefined) dialog.filters = options.filters;
  return dialog;
}

export function toSaveDialogOptions(options: SaveFileOptions): SaveDialogOptions {
  const dialog: SaveDialogOptions = { defaultPath: options.suggestedName, properties: ['showOverwriteConfirmation', 'createDirectory'] };
  if (options.title !== undefined) dialog.title = options.title;
  if (options.filters !== undefined) dialog.filters = options.filters;
  return dialog;
}

// ---- handlers ----

export interface DesktopIpcDeps<E extends SenderEvent> {
  /** Shows the dialog modal to the window that asked (main.ts finds it from the event). */
  showOpenDialog(event: E, options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(event: E, options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  files: DesktopFiles;
}

/** Electron's `ipcMain` fits this; tests pass a map. */
export interface IpcMainLike<E> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => Promise<unknown>): void;
}

function checkCall(event: SenderEvent, args: unknown[], maxArgs: number): void {
  if (!isTrustedSenderFrame(event.senderFrame)) throw new DesktopBridgeError('E_DESKTOP_UNTRUSTED_SENDER');
  if (args.length > maxArgs) throw bad('参数个数不正确');
}

async function ioStep<T>(step: () => Promise<T>, fileName: string): Promise<T> {
  try {
    return await step();
  } catch {
    // The OS error (with its full path) stays in main; the page learns only which file.
    throw new DesktopBridgeError('E_DESKTOP_IO', fileName);
  }
}

export async function handlePickFiles<E extends SenderEvent>(event: E, args: unknown[], deps: DesktopIpcDeps<E>): Promise<PickedFile[]> {
  checkCall(event, args, 1);
  const options = parsePickFilesOptions(args[0]);
  const result = await deps.showOpenDialog(event, toOpenDialogOptions(options));
  if (result.canceled || result.filePaths.length === 0) return [];
  const paths = options.multiple ? result.filePaths : result.filePaths.slice(0, 1);
  if (paths.length > DESKTOP_LIMITS.maxPickedFiles) throw new DesktopBridgeError('E_DESKTOP_TOO_LARGE');

  // Sizes first, so a 4 GB pick is refused before a byte of it is read.
  let total = 0;
  for (const filePath of paths) {
    total += await ioStep(() => deps.files.size(filePath), nodePath.basename(filePath));
    if (total > DESKTOP_LIMITS.maxBytes) throw new DesktopBridgeError('E_DESKTOP_TOO_LARGE');
  }
  const picked: PickedFile[] = [];
  total = 0;
  for (const filePath of paths) {
    const name = nodePath.basename(filePath);
    const bytes = await ioStep(() => deps.files.read(filePath), name);
    // The file may have grown since it was measured.
    total += bytes.byteLength;
    if (total > DESKTOP_LIMITS.maxBytes) throw new DesktopBridgeError('E_DESKTOP_TOO_LARGE');
    picked.push({ name, bytes });
  }
  return picked;
}

export async function handleSaveFile<E extends SenderEvent>(event: E, args: unknown[], deps: DesktopIpcDeps<E>): Promise<SaveFileResult> {
  checkCall(event, args, 1);
  const options = parseSaveFileOptions(args[0]);
  const result = await deps.showSaveDialog(event, toSaveDialogOptions(options));
  if (result.canceled || !result.filePath) return { saved: false };
  const target = result.filePath;
  await ioStep(() => deps.files.writeAtomic(target, options.bytes), nodePath.basename(target));
  return { saved: true, path: target };
}

export function registerDesktopIpc<E extends SenderEvent>(ipcMain: IpcMainLike<E>, deps: DesktopIpcDeps<E>): void {
  ipcMain.handle(DESKTOP_CHANNELS.pickFiles, (event, ...args) => handlePickFiles(event, args, deps));
  ipcMain.handle(DESKTOP_CHANNELS.saveFile, (event, ...args) => handleSaveFile(event, args, deps));
}

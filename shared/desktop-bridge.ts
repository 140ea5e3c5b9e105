/**
 * The one bridge between the page and the desktop shell: OS file dialogs, nothing else.
 * Everything else the renderer needs goes over same-origin fetch to the backend, so the
 * renderer stays byte-for-byte the same in web mode, where `window.qianzhaoDesktop` is
 * absent. This file imports nothing: the preload, main and the renderer all read it.
 */

/** The global the preload defines; the renderer must treat it as optional. */
export const DESKTOP_BRIDGE_KEY = 'qianzhaoDesktop';

/** IPC channel names. The `qz:` prefix keeps them apart from anything Electron or a library registers. */
export const DESKTOP_CHANNELS = {
  pickFiles: 'qz:pick-files',
  saveFile: 'qz:save-file',
} as const;

export type DesktopChannel = (typeof DESKTOP_CHANNELS)[keyof typeof DESKTOP_CHANNELS];

/** Limits main enforces; exported so the renderer can refuse early with the same numbers. */
export const DESKTOP_LIMITS = {
  /** Largest file saved, and largest total of files picked in one go. */
  maxBytes: 200 * 1024 * 1024,
  /** A team lead imports a season of weekly logs at once; more than this is a mistake. */
  maxPickedFiles: 500,
  maxTitleLength: 200,
  maxFileNameLength: 255,
  maxFilters: 20,
  maxFilterNameLength: 100,
  maxExtensionsPerFilter: 20,
} as const;

/** One entry of a dialog's file-type list; extensions without the dot, e.g. `['xlsx']`, or `['*']`. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface PickFilesOptions {
  title?: string;
  filters?: FileFilter[];
  /** Allow choosing more than one file (default false). */
  multiple?: boolean;
}

/** A file the user picked: its base name and its content. The full path never reaches the page. */
export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

export interface SaveFileOptions {
  /** A bare file name, e.g. `张三_2026-W48.qzlog`; a path is refused. */
  suggestedName: string;
  bytes: Uint8Array;
  title?: string;
  filters?: FileFilter[];
}

export type SaveFileResult = { saved: false } | { saved: true; path: string };

/** What `window.qianzhaoDesktop` offers. A cancelled dialog is not an error: `[]` or `{ saved: false }`. */
export interface QianzhaoDesktop {
  pickFiles(options?: PickFilesOptions): Promise<PickedFile[]>;
  saveFile(options: SaveFileOptions): Promise<SaveFileResult>;
}

/**
 * Electron passes only an error's message from main to the page, so the stable code
 * travels inside it as a `[E_…]` prefix; `desktopErrorCode` reads it back.
 */
export const DESKTOP_ERROR_CODES = [
  'E_DESKTOP_UNTRUSTED_SENDER',
  'E_DESKTOP_BAD_ARGUMENT',
  'E_DESKTOP_TOO_LARGE',
  'E_DESKTOP_IO',
] as const;

export type DesktopErrorCode = (typeof DESKTOP_ERROR_CODES)[number];

export function formatDesktopError(code: DesktopErrorCode, message: string): string {
  return `[${code}] ${message}`;
}

/** The code inside an error thrown by a bridge call, or null when it carries none of ours. */
export function desktopErrorCode(error: unknown): DesktopErrorCode | null {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const match = /\[(E_DESKTOP_[A-Z_]+)\]/.exec(message);
  const code = match?.[1];
  return DESKTOP_ERROR_CODES.find((known) => known === code) ?? null;
}

declare global {
  interface Window {
    /** Present only inside the desktop app. */
    readonly qianzhaoDesktop?: QianzhaoDesktop;
  }
}

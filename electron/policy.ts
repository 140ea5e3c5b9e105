/**
 * Every security decision the main process makes, as pure functions: which URLs are ours,
 * where the window may navigate, which IPC sender is trusted, what the window may do.
 * main.ts only wires these to Electron events, so all the judgement is unit-tested here.
 */
import nodePath from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import { isAppRoute, resolveAssetPath as resolveInsideRoot, type PathApi } from '../db/server/asset-path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'qianzhao';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const WINDOW_TITLE = '黔招通';

/** Longer URLs are never ours; refusing them early keeps parsing cheap on hostile input. */
const MAX_URL_LENGTH = 8192;
const MAX_EXTERNAL_URL_LENGTH = 2048;
/** Whitespace and control characters: Chromium never hands us a canonical URL containing them. */
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f]/;

/**
 * The path part of an app URL exactly as written (before the URL parser folds `..` away),
 * or null when the URL is not ours.
 *
 * Deliberately strict: the URL must be spelled in canonical form, `app://qianzhao` in lower
 * case followed by `/`, `?`, `#` or nothing. Chromium canonicalises our standard scheme
 * before any handler sees it, so only a forged or mangled URL fails this. That is why
 * `app://QIANZHAO/`, `APP://qianzhao/`, `app://@qianzhao/` and `app://qianzhao:/` are refused
 * even though a browser would fold them into our origin: nothing legitimate produces them.
 */
function rawAppPath(url: unknown): string | null {
  if (typeof url !== 'string' || url.length > MAX_URL_LENGTH || CONTROL_OR_SPACE.test(url)) return null;
  if (!url.startsWith(APP_ORIGIN)) return null;
  const rest = url.slice(APP_ORIGIN.length);
  if (rest !== '' && !/^[/?#]/.test(rest)) return null; // `app://qianzhao.evil`, `app://qianzhao@evil`, `app://qianzhao:1`
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  // Belt and braces: the parser must agree with the prefix check.
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  if (parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return null;
  const end = rest.search(/[?#]/);
  const path = end === -1 ? rest : rest.slice(0, end);
  return path === '' ? '/' : path;
}

/** True only for our own origin: `app://qianzhao`, no credentials, no port, canonical spelling. */
export function isAppUrl(url: string): boolean {
  return rawAppPath(url) !== null;
}

export type NavigationDecision = 'allow' | 'deny';

/** The window may only ever show our own pages; everything else is refused, not opened. */
export function decideNavigation(url: string): NavigationDecision {
  return isAppUrl(url) ? 'allow' : 'deny';
}

export type NewWindowDecision = { action: 'deny'; openExternally: false } | { action: 'deny'; openExternally: true; url: string };

/**
 * No new Electron window ever opens. A link to an https web page goes to the user's
 * browser instead; `url` is the re-serialised form, so the OS sees what we checked.
 * Plain http is refused too: on a government laptop a link should not leave in clear text,
 * and file:, javascript:, custom schemes would hand the OS a program to run.
 */
export function decideNewWindow(url: string): NewWindowDecision {
  const deny = { action: 'deny', openExternally: false } as const;
  if (typeof url !== 'string' || url.length > MAX_EXTERNAL_URL_LENGTH || CONTROL_OR_SPACE.test(url)) return deny;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return deny;
  }
  if (parsed.protocol !== 'https:' || parsed.hostname === '') return deny;
  // `https://bank.example@evil.example` shows one host and opens another.
  if (parsed.username !== '' || parsed.password !== '') return deny;
  return { action: 'deny', openExternally: true, url: parsed.href };
}

/**
 * Maps an `app://qianzhao/…` request to a file inside `rendererDir`, or null.
 *
 * Works on the path as written, not as the URL parser normalised it, so `..`, `%2e%2e`,
 * `..%2f`, `..%5c`, `%252e` (double encoding), NUL, drive letters and absolute paths are
 * refused rather than quietly folded into something inside the folder; so are `//`, Windows
 * device names (`nul.js`) and segments ending in a dot or space. The check itself is the
 * backend's (db/server/asset-path.ts), the code that really serves files, so the two can
 * never disagree.
 *
 * `/` is index.html. A last segment without an extension is a route of the single-page
 * app and also gets index.html, without asking the disk: the renderer build emits no
 * extension-less files, and staying pure keeps this testable for both OSes.
 */
export function resolveAssetPath(rendererDir: string, requestUrl: string, pathApi: PathApi = nodePath): string | null {
  const rawPath = rawAppPath(requestUrl);
  if (rawPath === null) return null;
  // The folder check is the backend's, which serves these files in both hosts.
  const file = resolveInsideRoot(rendererDir, rawPath, pathApi);
  if (file === null) return null;
  return isAppRoute(rawPath) ? pathApi.join(rendererDir, 'index.html') : file;
}

/**
 * IPC sender check: the message must come from a frame showing our own origin. main also
 * requires it to be the top frame (see ipc.ts); an iframe could only be ours anyway, as CSP
 * forbids framing, but the check costs nothing.
 */
export function isTrustedSender(frameUrl: string | undefined | null): boolean {
  return typeof frameUrl === 'string' && isAppUrl(frameUrl);
}

/** The one window's options: every renderer hardening switch set explicitly, not left to defaults. */
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    // Shown on `ready-to-show`, so the user never sees a blank white frame.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // A file dropped on the window would otherwise navigate it to file://.
      navigateOnDragDrop: false,
      // Lets the user stop a page that loops on alert().
      safeDialogs: true,
      enableWebSQL: false,
      // Chinese text would be underlined everywhere, and the dictionary is a download.
      spellcheck: false,
    },
  };
}

/**
 * The main process: one window, the app:// scheme, the OS dialogs. Everything it decides
 * comes from policy.ts; everything it serves comes from the backend, the same handler web
 * mode puts behind HTTP. Built to dist/electron/main.cjs (CommonJS, so `__dirname` is real).
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session, shell, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { provisioningCandidates } from '../db/provisioning/startup';
import { createBackend } from '../db/server/backend';
import type { Backend } from '../db/server/backend-types';
import { parseDesktopArgs } from './args';
import { nodeDesktopFiles } from './files';
import { registerDesktopIpc } from './ipc';
import { APP_ORIGIN, APP_SCHEME, decideNavigation, decideNewWindow, isAppUrl, windowOptions, WINDOW_TITLE } from './policy';
import { chooseKeyStore } from './safe-storage-key-store';

// Chromium fixes its scheme table at startup, so this must run before `ready`.
// `standard` gives real origins and relative URLs; `secure` makes the page a secure context;
// no `bypassCSP`: the backend's CSP header must bind our own pages too.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: true } },
]);
// Sandbox every renderer, even one created by a path we forgot.
app.enableSandbox();

if (!app.isPackaged) {
  // Unpackaged, Electron would call itself "Electron" and share ~/.config/Electron with every
  // other dev app. Keep dev data apart from an installed copy's real data; tests point it at a temp dir.
  app.setPath('userData', process.env.QZ_DATA_DIR ?? path.join(app.getPath('appData'), `${WINDOW_TITLE}-dev`));
}

let backend: Backend | null = null;
let mainWindow: BrowserWindow | null = null;

function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideNewWindow(url);
    if (decision.openExternally) shell.openExternal(decision.url).catch((error: unknown) => console.warn('[window] openExternal failed:', error));
    return { action: 'deny' };
  });
  const denyUnlessAllowed = (event: { preventDefault(): void }, url: string): void => {
    if (decideNavigation(url) !== 'allow') event.preventDefault();
  };
  contents.on('will-navigate', (event) => denyUnlessAllowed(event, event.url));
  // Subframes too: CSP forbids framing, this is the second lock.
  contents.on('will-frame-navigate', (event) => denyUnlessAllowed(event, event.url));
  contents.on('will-redirect', (event) => denyUnlessAllowed(event, event.url));
  // Nothing of ours uses <webview>; webviewTag is off, and this refuses one regardless.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function denyAllPermissions(): void {
  const ses = session.defaultSession;
  // Camera, microphone, location, notifications, USB, serial…: the app needs none of them.
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}

function serveApp(handler: Backend): (request: Request) => Promise<Response> {
  return async (request) => {
    if (!isAppUrl(request.url)) return new Response('未找到 / Not found', { status: 404 });
    try {
      return await handler.fetch(request);
    } catch (error) {
      // The cause stays in main's log; the page gets no stack.
      console.error('[app://] request failed:', error);
      return new Response('内部错误 / Internal error', { status: 500 });
    }
  };
}

function ownerOf(event: IpcMainInvokeEvent): BrowserWindow | null {
  return BrowserWindow.fromWebContents(event.sender);
}

function createWindow(): void {
  // The build writes the bundled preload next to main.cjs.
  const window = new BrowserWindow(windowOptions(path.join(__dirname, 'preload.cjs')));
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = null;
  });
  window.loadURL(`${APP_ORIGIN}/`).catch((error: unknown) => console.error('[window] load failed:', error));
  mainWindow = window;
}

function start(): void {
  denyAllPermissions();
  const dataDir = app.getPath('userData');
  // safeStorage answers only after `ready`; the key it guards stays in this process, never in a page.
  const keys = chooseKeyStore(dataDir, safeStorage);
  console.log(`[keys] database key: ${keys.kind} (${keys.reason})`);
  const args = parseDesktopArgs(process.argv.slice(1), process.cwd());
  backend = createBackend({
    dataDir,
    rendererDir: path.join(__dirname, '../renderer'),
    token: randomBytes(32).toString('base64url'),
    origin: APP_ORIGIN,
    keyStore: keys.store,
    // The data folder's instance lock (db/instance-lock.ts) is taken inside: web mode, the CLI or a dev build on the same folder is refused.
    provisioning: provisioningCandidates({
      explicit: args.provisionFile,
      executableDir: app.isPackaged ? path.dirname(app.getPath('exe')) : null,
      platform: process.platform,
      env: process.env,
    }),
  });
  protocol.handle(APP_SCHEME, serveApp(backend));
  registerDesktopIpc<IpcMainInvokeEvent>(ipcMain, {
    showOpenDialog: (event, options) => {
      const owner = ownerOf(event);
      return owner ? dialog.showOpenDialog(owner, options) : dialog.showOpenDialog(options);
    },
    showSaveDialog: (event, options) => {
      const owner = ownerOf(event);
      return owner ? dialog.showSaveDialog(owner, options) : dialog.showSaveDialog(options);
    },
    files: nodeDesktopFiles,
  });
  createWindow();
}

/** A refused or broken database must say why in a box, not leave a blank window or a silent exit. */
function failStartup(error: unknown): void {
  console.error('[main] startup failed:', error);
  const code = typeof error === 'object' && error !== null && 'code' in error ? `\n\n错误代码：${String(error.code)}` : '';
  dialog.showErrorBox(`${WINDOW_TITLE}无法启动`, `${error instanceof Error ? error.message : String(error)}${code}`);
  backend?.close();
  app.exit(1);
}

if (!app.requestSingleInstanceLock()) {
  // A second launch only wakes the first (see `second-instance`): two processes on one database is how data gets lost.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  // Folds the WAL back into the database file; close() is safe to call twice.
  app.on('quit', () => backend?.close());
  app
    .whenReady()
    .then(start)
    .catch(failStartup);
}

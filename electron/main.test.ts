/**
 * main.ts wired to a fake `electron`: no binary can run here, so this checks that main
 * hands each event to the policy and registers the scheme before `ready`. What a real
 * Chromium does with those settings is electron.e2e.test.ts's job.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const calls: string[] = [];
  const appListeners = new Map<string, Listener>();
  let resolveReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  const windows: { options: unknown; url?: string; listeners: Map<string, Listener> }[] = [];
  const state = {
    calls,
    appListeners,
    windows,
    resolveReady,
    protocolHandler: null as null | ((request: Request) => Promise<Response>),
    permissionRequest: null as null | Listener,
    permissionCheck: null as null | Listener,
    ipcChannels: [] as string[],
    openedExternally: [] as string[],
    backendRequests: [] as string[],
    backendOptions: null as null | Record<string, unknown>,
    userDataPath: '',
  };
  class BrowserWindow {
    listeners = new Map<string, Listener>();
    constructor(options: unknown) {
      calls.push('new BrowserWindow');
      windows.push({ options, listeners: this.listeners });
    }
    once(event: string, listener: Listener) {
      this.listeners.set(event, listener);
    }
    on(event: string, listener: Listener) {
      this.listeners.set(event, listener);
    }
    async loadURL(url: string) {
      windows[windows.length - 1]!.url = url;
    }
    show() {}
    static fromWebContents() {
      return null;
    }
  }
  const electron = {
    app: {
      isPackaged: false,
      enableSandbox: () => calls.push('enableSandbox'),
      getPath: (name: string) => (name === 'userData' ? state.userDataPath : `/fake/${name}`),
      setPath: (name: string, value: string) => {
        if (name === 'userData') state.userDataPath = value;
      },
      requestSingleInstanceLock: () => (calls.push('requestSingleInstanceLock'), true),
      on: (event: string, listener: Listener) => void appListeners.set(event, listener),
      whenReady: () => ready,
      quit: () => calls.push('quit'),
      exit: (code: number) => calls.push(`exit ${code}`),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => calls.push(`registerSchemesAsPrivileged ${JSON.stringify(schemes)}`),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
        calls.push(`protocol.handle ${scheme}`);
        state.protocolHandler = handler;
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => void (state.permissionRequest = handler),
        setPermissionCheckHandler: (handler: Listener) => void (state.permissionCheck = handler),
        setDevicePermissionHandler: () => {},
      },
    },
    ipcMain: { handle: (channel: string) => void state.ipcChannels.push(channel) },
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (text: string) => Buffer.from(`sealed:${text}`),
      decryptString: (data: Buffer) => data.toString().replace(/^sealed:/, ''),
    },
    shell: { openExternal: async (url: string) => void state.openedExternally.push(url) },
    dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showSaveDialog: async () => ({ canceled: true }), showErrorBox: () => {} },
    BrowserWindow,
  };
  return { state, electron };
});

vi.mock('electron', () => fake.electron);
vi.mock('../db/server/backend', () => ({
  createBackend: (options: Record<string, unknown>) => {
    fake.state.calls.push('createBackend');
    fake.state.backendOptions = options;
    return {
      fetch: async (request: Request) => {
        fake.state.backendRequests.push(request.url);
        return new Response('ok');
      },
      close: () => fake.state.calls.push('backend.close'),
    };
  },
}));

const { state } = fake;

/** A fake WebContents that records what main attaches to it. */
function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  return {
    listeners,
    open: (url: string) => openHandler!({ url }),
    contents: {
      on: (event: string, listener: Listener) => void listeners.set(event, listener),
      setWindowOpenHandler: (handler: typeof openHandler) => void (openHandler = handler),
    },
  };
}

function navigate(listeners: Map<string, Listener>, event: string, url: string): boolean {
  let prevented = false;
  listeners.get(event)!({ url, preventDefault: () => (prevented = true) });
  return prevented;
}

beforeAll(async () => {
  process.env.QZ_DATA_DIR = '/tmp/qz-main-test';
  await import('./main');
});

describe('before ready', () => {
  it('registers the app scheme as privileged, without bypassCSP, and sandboxes everything', () => {
    const registration = state.calls.find((call) => call.startsWith('registerSchemesAsPrivileged'))!;
    expect(JSON.parse(registration.slice('registerSchemesAsPrivileged '.length))).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: true } },
    ]);
    expect(registration).not.toContain('bypassCSP');
    expect(state.calls).toContain('enableSandbox');
    expect(state.calls).toContain('requestSingleInstanceLock');
    expect(state.calls).not.toContain('createBackend');
  });

  it('keeps unpackaged data where QZ_DATA_DIR says', () => {
    expect(state.userDataPath).toBe('/tmp/qz-main-test');
  });
});

describe('on ready', () => {
  beforeAll(async () => {
    state.resolveReady();
    await vi.waitFor(() => expect(state.windows).toHaveLength(1));
  });

  it('starts the backend on the user data folder with a fresh token and the app origin', () => {
    expect(state.backendOptions).toMatchObject({ dataDir: '/tmp/qz-main-test', origin: 'app://qianzhao' });
    // The key store is the OS keychain's (safeStorage), handed to the backend only.
    expect((state.backendOptions?.keyStore as { description: string }).description).toContain('系统钥匙串');
    // Unpackaged, nothing beside the Electron binary counts as a provisioning file.
    const candidates = state.backendOptions?.provisioning as { file: string; explicit: boolean }[];
    expect(candidates.some((c) => c.explicit)).toBe(false);
    expect(candidates.some((c) => c.file.startsWith('/fake/'))).toBe(false);
    expect(String(state.backendOptions?.token)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(String(state.backendOptions?.rendererDir)).toMatch(/renderer$/);
  });

  it('forwards app:// requests to the backend and 404s anything else', async () => {
    const ok = await state.protocolHandler!(new Request('app://qianzhao/rpc/system.ping', { method: 'POST' }));
    expect(ok.status).toBe(200);
    expect(state.backendRequests).toEqual(['app://qianzhao/rpc/system.ping']);
    const refused = await state.protocolHandler!(new Request('app://evil/index.html'));
    expect(refused.status).toBe(404);
    expect(state.backendRequests).toHaveLength(1);
  });

  it('opens one hardened window on app://qianzhao/', () => {
    const window = state.windows[0]!;
    expect(window.url).toBe('app://qianzhao/');
    expect(window.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
    expect(window.listeners.has('ready-to-show')).toBe(true);
  });

  it('denies every permission', () => {
    const answers: boolean[] = [];
    state.permissionRequest!({}, 'media', (granted: boolean) => answers.push(granted), {});
    expect(answers).toEqual([false]);
    expect(state.permissionCheck!({}, 'notifications', 'app://qianzhao', {})).toBe(false);
  });

  it('registers the desktop bridge channels', () => {
    expect(state.ipcChannels.sort()).toEqual(['qz:pick-files', 'qz:save-file']);
  });
});

describe('every web contents', () => {
  it('never opens a window, and hands only https links to the browser', async () => {
    const { contents, open } = fakeContents();
    state.appListeners.get('web-contents-created')!({}, contents);
    expect(open('https://www.guizhou.gov.cn/').action).toBe('deny');
    expect(open('file:///C:/Windows/System32/calc.exe').action).toBe('deny');
    expect(open('app://qianzhao/again').action).toBe('deny');
    await vi.waitFor(() => expect(state.openedExternally).toEqual(['https://www.guizhou.gov.cn/']));
  });

  it('blocks navigation, frame navigation and redirects away from the app, and every webview', () => {
    const { contents, listeners } = fakeContents();
    state.appListeners.get('web-contents-created')!({}, contents);
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(navigate(listeners, event, 'https://example.invalid/'), event).toBe(true);
      expect(navigate(listeners, event, 'app://qianzhao/projects'), event).toBe(false);
    }
    let prevented = false;
    listeners.get('will-attach-webview')!({ preventDefault: () => (prevented = true) }, {}, { src: 'app://qianzhao/' });
    expect(prevented).toBe(true);
  });
});

describe('lifecycle', () => {
  it('quits when the window closes, and closes the backend on quit', () => {
    state.appListeners.get('window-all-closed')!();
    expect(state.calls).toContain('quit');
    state.appListeners.get('quit')!();
    expect(state.calls).toContain('backend.close');
  });
});

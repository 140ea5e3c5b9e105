import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_HOST,
  APP_ORIGIN,
  APP_SCHEME,
  decideNavigation,
  decideNewWindow,
  isAppUrl,
  isTrustedSender,
  resolveAssetPath,
  windowOptions,
} from './policy';

/** URLs that must never count as ours, each for a different reason. */
const HOSTILE_URLS = [
  'app://x@evil',
  'app://qianzhao@evil',
  'app://qianzhao@evil/',
  'app://x:y@qianzhao/',
  'app://@qianzhao/',
  'app://:@qianzhao/',
  'app://qianzhao.evil',
  'app://qianzhao.evil/',
  'app://qianzhao./',
  'app://qianzhaoevil/',
  'app://evil.qianzhao/',
  'app://qianzhao:443/',
  'app://qianzhao:/',
  'app://QIANZHAO/',
  'app://Qianzhao/',
  'APP://qianzhao/',
  'app://qianzhao%2e/',
  'app://qianzhao%00/',
  'app://qianzhao\\evil/',
  'app:qianzhao',
  'app:/qianzhao/',
  'app:///qianzhao/',
  ' app://qianzhao/',
  'app://qianzhao/\n',
  'app://qian\tzhao/',
  'app://qianzhao/a b',
  'https://app.evil/',
  'https://qianzhao/',
  'http://app//qianzhao/',
  'javascript:alert(1)',
  'javascript://qianzhao/%0aalert(1)',
  'file:///etc/passwd',
  'file://qianzhao/',
  'data:text/html,<script>alert(1)</script>',
  'blob:app://qianzhao/1234',
  'about:blank',
  'qianzhao',
  '//qianzhao/',
  '/index.html',
  '',
  'not a url at all',
  `app://qianzhao/${'a'.repeat(9000)}`,
];

describe('constants', () => {
  it('spell the origin from scheme and host', () => {
    expect([APP_SCHEME, APP_HOST, APP_ORIGIN]).toEqual(['app', 'qianzhao', 'app://qianzhao']);
  });
});

describe('isAppUrl', () => {
  it.each(['app://qianzhao', 'app://qianzhao/', 'app://qianzhao/index.html', 'app://qianzhao/companies/0190a1b2?tab=visits#top', 'app://qianzhao/rpc/companies.list', 'app://qianzhao?x=1', 'app://qianzhao#h'])(
    'accepts our own origin: %s',
    (url) => {
      expect(isAppUrl(url)).toBe(true);
    },
  );

  it.each(HOSTILE_URLS)('refuses %j', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('refuses values that are not strings at all (IPC and events are untyped at run time)', () => {
    for (const value of [undefined, null, 42, {}, ['app://qianzhao/'], new URL('app://qianzhao/')]) {
      expect(isAppUrl(value as unknown as string)).toBe(false);
    }
  });
});

describe('decideNavigation', () => {
  it('allows in-app pages', () => {
    expect(decideNavigation('app://qianzhao/projects')).toBe('allow');
  });

  it.each([...HOSTILE_URLS, 'https://example.invalid/', 'http://127.0.0.1:5178/'])('denies %j', (url) => {
    expect(decideNavigation(url)).toBe('deny');
  });
});

describe('decideNewWindow', () => {
  it('sends https links to the browser, re-serialised', () => {
    expect(decideNewWindow('https://www.guizhou.gov.cn/zwgk/')).toEqual({ action: 'deny', openExternally: true, url: 'https://www.guizhou.gov.cn/zwgk/' });
    expect(decideNewWindow('HTTPS://Example.COM/a')).toEqual({ action: 'deny', openExternally: true, url: 'https://example.com/a' });
    // The browser reads `https:host` as `https://host/`; what opens is that, spelled out.
    expect(decideNewWindow('https:example.com')).toEqual({ action: 'deny', openExternally: true, url: 'https://example.com/' });
  });

  it.each([
    'app://qianzhao/other-window',
    'http://example.com/',
    'https://user@example.com/',
    'https://user:pass@example.com/',
    'https://www.bank.example@evil.example/',
    'https://example.com/a b',
    'https://',
    'file:///C:/Windows/System32/calc.exe',
    'file://server/share/x.exe',
    'javascript:alert(1)',
    'data:text/html,hi',
    'ms-msdt:/id PCWDiagnostic',
    'search-ms:query=x',
    'mailto:a@example.com',
    'smb://server/share',
    'about:blank',
    '',
    'garbage',
    ' https://example.com/',
    'https://example.com/\u0000',
    `https://example.com/${'a'.repeat(3000)}`,
  ])('never opens %j outside', (url) => {
    expect(decideNewWindow(url)).toEqual({ action: 'deny', openExternally: false });
  });
});

describe('resolveAssetPath', () => {
  const cases = [
    { name: 'posix', api: path.posix, root: '/opt/qianzhao/dist/renderer' },
    { name: 'win32', api: path.win32, root: 'C:\\Program Files\\黔招通\\resources\\app.asar\\dist\\renderer' },
  ] as const;

  for (const { name, api, root } of cases) {
    describe(name, () => {
      const inRoot = (...parts: string[]) => api.join(root, ...parts);

      it('maps / and the bare origin to index.html', () => {
        expect(resolveAssetPath(root, 'app://qianzhao/', api)).toBe(inRoot('index.html'));
        expect(resolveAssetPath(root, 'app://qianzhao', api)).toBe(inRoot('index.html'));
      });

      it('maps assets inside the folder, ignoring query and hash', () => {
        expect(resolveAssetPath(root, 'app://qianzhao/assets/index-Bx1Zq.js', api)).toBe(inRoot('assets', 'index-Bx1Zq.js'));
        expect(resolveAssetPath(root, 'app://qianzhao/favicon.ico?v=2#x', api)).toBe(inRoot('favicon.ico'));
        expect(resolveAssetPath(root, 'app://qianzhao/fonts/%E9%BB%94.woff2', api)).toBe(inRoot('fonts', '黔.woff2'));
      });

      it('sends extension-less routes of the single-page app to index.html', () => {
        expect(resolveAssetPath(root, 'app://qianzhao/companies/0190a1b2-7c3d', api)).toBe(inRoot('index.html'));
        expect(resolveAssetPath(root, 'app://qianzhao/projects/', api)).toBe(inRoot('index.html'));
      });

      it.each([
        'app://qianzhao/../secret.txt',
        'app://qianzhao/assets/../../secret.txt',
        'app://qianzhao/./index.html',
        'app://qianzhao/..%2f..%2fsecret.txt',
        'app://qianzhao/..%2F..%2Fsecret.txt',
        'app://qianzhao/%2e%2e/secret.txt',
        'app://qianzhao/%2E%2E/%2E%2E/secret.txt',
        'app://qianzhao/.%2e/secret.txt',
        'app://qianzhao/assets/..%5c..%5csecret.txt',
        'app://qianzhao/assets/..\\..\\secret.txt',
        'app://qianzhao/%5cWindows%5cwin.ini',
        'app://qianzhao/%252e%252e/secret.txt',
        'app://qianzhao/%25252e%25252e/secret.txt',
        'app://qianzhao/index.html%00.png',
        'app://qianzhao/%00',
        'app://qianzhao/C:/Windows/win.ini',
        'app://qianzhao/C%3A%5CWindows%5Cwin.ini',
        'app://qianzhao/c:win.ini',
        'app://qianzhao/index.html::$DATA',
        'app://qianzhao//etc/passwd',
        'app://qianzhao/%2Fetc%2Fpasswd',
        'app://qianzhao/assets//x.js',
        'app://qianzhao/nul.js',
        'app://qianzhao/assets/CON',
        'app://qianzhao/COM1.txt',
        'app://qianzhao/index.html.',
        'app://qianzhao/index.html%20',
        'app://qianzhao/%E0%A4%A',
        'app://qianzhao/%',
        'app://evil/index.html',
        'app://qianzhao@evil/index.html',
        'https://qianzhao/index.html',
        'file:///etc/passwd',
        '/etc/passwd',
        'C:\\Windows\\win.ini',
        '',
      ])('refuses %j', (url) => {
        expect(resolveAssetPath(root, url, api)).toBeNull();
      });

      it('never returns a path outside the folder, whatever the input', () => {
        const pieces = ['..', '%2e', '%2E', '.', '%2f', '%5c', '\\', '/', 'a', '%00', ':', 'C:', '%25', 'index.html', ' '];
        for (const a of pieces) {
          for (const b of pieces) {
            for (const c of pieces) {
              const file = resolveAssetPath(root, `app://qianzhao/${a}${b}${c}`, api);
              if (file === null) continue;
              const relative = api.relative(root, file);
              expect(relative.startsWith('..') || api.isAbsolute(relative), `${a}${b}${c} -> ${file}`).toBe(false);
            }
          }
        }
      });
    });
  }
});

describe('isTrustedSender', () => {
  it('trusts frames showing our origin', () => {
    expect(isTrustedSender('app://qianzhao/')).toBe(true);
    expect(isTrustedSender('app://qianzhao/companies')).toBe(true);
  });

  it.each([undefined, null, '', 'about:blank', 'app://qianzhao.evil/', 'app://evil@qianzhao/', 'https://qianzhao/', 'http://127.0.0.1:5178/', 'file:///index.html', 'data:text/html,x', 'devtools://devtools/bundled/inspector.html'])(
    'distrusts %j',
    (url) => {
      expect(isTrustedSender(url)).toBe(false);
    },
  );
});

describe('windowOptions', () => {
  const options = windowOptions('/app/dist/electron/preload.cjs');
  const prefs = options.webPreferences ?? {};

  it('locks the renderer down', () => {
    expect(prefs).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    });
  });

  it('never relaxes a hardening switch anywhere in the options', () => {
    const text = JSON.stringify(options);
    expect(text).not.toMatch(/"(nodeIntegration|nodeIntegrationInWorker|allowRunningInsecureContent|experimentalFeatures|webviewTag)":true/);
    expect(text).not.toMatch(/"(contextIsolation|sandbox|webSecurity)":false/);
  });

  it('opens hidden at a laptop-friendly size, titled in Chinese', () => {
    expect(options).toMatchObject({ title: '黔招通', width: 1280, height: 800, minWidth: 1024, minHeight: 640, show: false });
  });
});

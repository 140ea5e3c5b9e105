import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppRoute, resolveAssetPath } from './asset-path';

describe('resolveAssetPath', () => {
  const root = '/app/renderer';

  it('maps / to index.html and files inside the folder to their path', () => {
    expect(resolveAssetPath(root, '/', path.posix)).toBe('/app/renderer/index.html');
    expect(resolveAssetPath(root, '/assets/index-abc.js', path.posix)).toBe('/app/renderer/assets/index-abc.js');
    expect(resolveAssetPath(root, '/assets/%E5%9B%BE.png', path.posix)).toBe('/app/renderer/assets/图.png');
  });

  it.each([
    '/../etc/passwd',
    '/..%2f..%2fetc%2fpasswd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/assets/%2E%2E/%2E%2E/x',
    '/..%5c..%5cwindows%5cwin.ini',
    '/%252e%252e/etc/passwd',
    '/assets/./x.js',
    '/C:/Windows/win.ini',
    '/assets/x.js%00.png',
    '/x.js::$DATA',
    '/%E0%A4%A',
    'relative/path',
    '/nul.js',
    '/assets/COM1.txt',
    '/assets/x.js.',
    '/assets/x.js%20',
    '//etc/passwd',
    '/assets//x.js',
  ])('refuses %s', (pathname) => {
    expect(resolveAssetPath(root, pathname, path.posix)).toBeNull();
  });

  it('stays inside a Windows folder too', () => {
    const winRoot = 'C:\\Program Files\\Qianzhao\\renderer';
    expect(resolveAssetPath(winRoot, '/assets/a.js', path.win32)).toBe('C:\\Program Files\\Qianzhao\\renderer\\assets\\a.js');
    expect(resolveAssetPath(winRoot, '/..%5c..%5csecret', path.win32)).toBeNull();
    expect(resolveAssetPath(winRoot, '/D:%5csecret', path.win32)).toBeNull();
  });
});

describe('isAppRoute', () => {
  it('treats extension-less paths as app routes', () => {
    expect(isAppRoute('/companies')).toBe(true);
    expect(isAppRoute('/assets/a.js')).toBe(false);
  });
});

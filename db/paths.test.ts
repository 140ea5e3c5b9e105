import { describe, expect, it } from 'vitest';
import { defaultDataDir } from './paths';

describe('defaultDataDir matches Electron’s userData folder', () => {
  it('Windows: %APPDATA%\\黔招通', () => {
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\zhang\\AppData\\Roaming' }, 'C:\\Users\\zhang')).toBe('C:\\Users\\zhang\\AppData\\Roaming\\黔招通');
    expect(defaultDataDir('win32', {}, 'C:\\Users\\zhang')).toBe('C:\\Users\\zhang\\AppData\\Roaming\\黔招通');
  });
  it('Linux: $XDG_CONFIG_HOME or ~/.config', () => {
    expect(defaultDataDir('linux', {}, '/home/zhang')).toBe('/home/zhang/.config/黔招通');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/data/cfg' }, '/home/zhang')).toBe('/data/cfg/黔招通');
  });
  it('macOS: ~/Library/Application Support', () => {
    expect(defaultDataDir('darwin', {}, '/Users/zhang')).toBe('/Users/zhang/Library/Application Support/黔招通');
  });
});

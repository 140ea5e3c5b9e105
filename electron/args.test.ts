import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDesktopArgs } from './args';

describe('desktop command line', () => {
  it('reads --provision in both spellings, resolved against the working folder', () => {
    expect(parseDesktopArgs(['--provision', 'p.json'], '/home/zs')).toEqual({ provisionFile: path.resolve('/home/zs', 'p.json') });
    expect(parseDesktopArgs(['--provision=/media/u/p.json'], '/')).toEqual({ provisionFile: path.resolve('/media/u/p.json') });
  });
  it('ignores Chromium’s own switches and the script path of an unpackaged run', () => {
    expect(parseDesktopArgs(['dist/electron/main.cjs', '--no-sandbox', '--lang=zh-CN'], '/')).toEqual({ provisionFile: null });
    expect(parseDesktopArgs(['--provision'], '/')).toEqual({ provisionFile: null });
  });
});

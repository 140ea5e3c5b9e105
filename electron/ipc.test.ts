import { describe, expect, it, vi } from 'vitest';
import { DESKTOP_CHANNELS, DESKTOP_LIMITS, desktopErrorCode } from '../shared/desktop-bridge';
import type { DesktopFiles } from './files';
import {
  handlePickFiles,
  handleSaveFile,
  isTrustedSenderFrame,
  parsePickFilesOptions,
  parseSaveFileOptions,
  registerDesktopIpc,
  toOpenDialogOptions,
  toSaveDialogOptions,
  type DesktopIpcDeps,
  type SenderEvent,
} from './ipc';

const trusted: SenderEvent = { senderFrame: { url: 'app://qianzhao/companies', parent: null } };
const bytes = (n: number) => new Uint8Array(n);

/** Fakes for the dialogs and the disk; each test overrides what it needs. */
function fakeDeps(overrides: Partial<DesktopIpcDeps<SenderEvent>> & { disk?: Record<string, Uint8Array> } = {}) {
  const disk = overrides.disk ?? { '/home/u/张三_2026-W48.qzlog': bytes(10), '/home/u/李四_2026-W48.qzlog': bytes(20) };
  const written = new Map<string, Uint8Array>();
  const files: DesktopFiles = {
    size: vi.fn(async (p: string) => {
      const file = disk[p];
      if (!file) throw new Error(`ENOENT ${p}`);
      return file.byteLength;
    }),
    read: vi.fn(async (p: string) => disk[p] ?? Promise.reject(new Error(`ENOENT ${p}`))),
    writeAtomic: vi.fn(async (p: string, b: Uint8Array) => void written.set(p, b)),
  };
  const deps: DesktopIpcDeps<SenderEvent> = {
    showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: Object.keys(disk) })),
    showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/home/u/周报.xlsx' })),
    files,
    ...overrides,
  };
  return { deps, written };
}

async function codeOf(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
  } catch (error) {
    return desktopErrorCode(error);
  }
  throw new Error('expected a rejection');
}

function codeOfSync(run: () => unknown): string | null {
  try {
    run();
  } catch (error) {
    return desktopErrorCode(error);
  }
  throw new Error('expected a throw');
}

describe('isTrustedSenderFrame', () => {
  it('trusts only the top frame of our origin', () => {
    expect(isTrustedSenderFrame({ url: 'app://qianzhao/', parent: null })).toBe(true);
    expect(isTrustedSenderFrame({ url: 'app://qianzhao/', parent: { url: 'app://qianzhao/' } })).toBe(false);
    expect(isTrustedSenderFrame({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSenderFrame({ url: 'app://qianzhao.evil/', parent: null })).toBe(false);
    expect(isTrustedSenderFrame(null)).toBe(false);
    expect(isTrustedSenderFrame(undefined)).toBe(false);
  });
});

describe('parsePickFilesOptions', () => {
  it('accepts nothing, and a full set of options', () => {
    expect(parsePickFilesOptions(undefined)).toEqual({});
    const options = { title: '导入周报文件', filters: [{ name: '周报文件', extensions: ['qzlog'] }, { name: '全部', extensions: ['*'] }], multiple: true };
    expect(parsePickFilesOptions(options)).toEqual(options);
  });

  it.each([
    ['null', null],
    ['a string', 'open'],
    ['an array', []],
    ['a typed array', bytes(1)],
    ['an unknown key', { title: 'x', defaultPath: '/etc' }],
    ['a prototype-polluting key', JSON.parse('{"__proto__": {"x": 1}}')],
    ['an empty title', { title: '' }],
    ['a huge title', { title: '标'.repeat(201) }],
    ['a title with control characters', { title: 'a\u0000b' }],
    ['multiple as a string', { multiple: 'true' }],
    ['filters not an array', { filters: { name: 'x', extensions: ['x'] } }],
    ['too many filters', { filters: Array.from({ length: 21 }, () => ({ name: 'x', extensions: ['x'] })) }],
    ['a filter without extensions', { filters: [{ name: 'x', extensions: [] }] }],
    ['an extension with a dot', { filters: [{ name: 'x', extensions: ['.xlsx'] }] }],
    ['an extension with a path', { filters: [{ name: 'x', extensions: ['../x'] }] }],
    ['an extension that is not text', { filters: [{ name: 'x', extensions: [1] }] }],
    ['a filter with an extra key', { filters: [{ name: 'x', extensions: ['x'], evil: true }] }],
  ])('refuses %s', (_label, input) => {
    expect(codeOfSync(() => parsePickFilesOptions(input))).toBe('E_DESKTOP_BAD_ARGUMENT');
  });
});

describe('parseSaveFileOptions', () => {
  const good = { suggestedName: '张三_2026-W48.qzlog', bytes: bytes(3) };

  it('accepts a bare file name and bytes', () => {
    expect(parseSaveFileOptions({ ...good, title: '导出', filters: [{ name: '周报', extensions: ['xlsx'] }] })).toMatchObject(good);
  });

  it.each([
    ['a path', '../../.bashrc'],
    ['an absolute path', '/etc/passwd'],
    ['a Windows path', 'C:\\Windows\\x.dll'],
    ['a drive-relative name', 'C:x.txt'],
    ['a NUL byte', 'a\u0000.txt'],
    ['a Windows-forbidden character', 'a?.txt'],
    ['a dot name', '..'],
    ['a trailing dot', 'report.'],
    ['an empty name', ''],
    ['a name too long', `${'a'.repeat(256)}.txt`],
    ['a name that is not text', 42],
  ])('refuses %s as suggestedName', (_label, suggestedName) => {
    expect(codeOfSync(() => parseSaveFileOptions({ ...good, suggestedName }))).toBe('E_DESKTOP_BAD_ARGUMENT');
  });

  it.each([
    ['a plain array', [1, 2, 3]],
    ['a string', 'abc'],
    ['an ArrayBuffer', new ArrayBuffer(3)],
    ['a look-alike object', { byteLength: 3, 0: 1 }],
    ['nothing', undefined],
  ])('refuses %s as bytes', (_label, value) => {
    expect(codeOfSync(() => parseSaveFileOptions({ ...good, bytes: value }))).toBe('E_DESKTOP_BAD_ARGUMENT');
  });

  it('refuses more than 200 MB, and accepts exactly 200 MB', () => {
    // A view that claims a huge length without allocating it.
    const huge = { ...good, bytes: Object.defineProperty(bytes(1), 'byteLength', { value: DESKTOP_LIMITS.maxBytes + 1 }) };
    expect(codeOfSync(() => parseSaveFileOptions(huge))).toBe('E_DESKTOP_TOO_LARGE');
    const exact = { ...good, bytes: Object.defineProperty(bytes(1), 'byteLength', { value: DESKTOP_LIMITS.maxBytes }) };
    expect(parseSaveFileOptions(exact).suggestedName).toBe(good.suggestedName);
  });

  it('refuses unknown keys and non-objects', () => {
    expect(codeOfSync(() => parseSaveFileOptions({ ...good, path: '/etc/passwd' }))).toBe('E_DESKTOP_BAD_ARGUMENT');
    expect(codeOfSync(() => parseSaveFileOptions(null))).toBe('E_DESKTOP_BAD_ARGUMENT');
  });
});

describe('dialog options', () => {
  it('allows several files only when asked', () => {
    expect(toOpenDialogOptions({}).properties).toEqual(['openFile']);
    expect(toOpenDialogOptions({ multiple: true }).properties).toEqual(['openFile', 'multiSelections']);
  });

  it('asks before overwriting on save', () => {
    expect(toSaveDialogOptions({ suggestedName: 'a.xlsx', bytes: bytes(0) })).toMatchObject({ defaultPath: 'a.xlsx', properties: expect.arrayContaining(['showOverwriteConfirmation']) });
  });
});

describe('handlePickFiles', () => {
  it('returns base names and bytes, never full paths', async () => {
    const { deps } = fakeDeps();
    const picked = await handlePickFiles(trusted, [{ multiple: true }], deps);
    expect(picked.map((file) => [file.name, file.bytes.byteLength])).toEqual([
      ['张三_2026-W48.qzlog', 10],
      ['李四_2026-W48.qzlog', 20],
    ]);
  });

  it('returns one file unless several were asked for', async () => {
    const { deps } = fakeDeps();
    expect(await handlePickFiles(trusted, [], deps)).toHaveLength(1);
  });

  it('returns [] when the user cancels', async () => {
    const { deps } = fakeDeps({ showOpenDialog: async () => ({ canceled: true, filePaths: [] }) });
    expect(await handlePickFiles(trusted, [{}], deps)).toEqual([]);
  });

  it('refuses an untrusted sender before showing any dialog', async () => {
    for (const senderFrame of [null, { url: 'https://evil.example/', parent: null }, { url: 'app://qianzhao/', parent: {} }]) {
      const { deps } = fakeDeps();
      expect(await codeOf(handlePickFiles({ senderFrame }, [{}], deps))).toBe('E_DESKTOP_UNTRUSTED_SENDER');
      expect(deps.showOpenDialog).not.toHaveBeenCalled();
    }
  });

  it('refuses bad arguments before showing any dialog', async () => {
    const { deps } = fakeDeps();
    expect(await codeOf(handlePickFiles(trusted, [{ multiple: 1 }], deps))).toBe('E_DESKTOP_BAD_ARGUMENT');
    expect(await codeOf(handlePickFiles(trusted, [{}, 'extra'], deps))).toBe('E_DESKTOP_BAD_ARGUMENT');
    expect(deps.showOpenDialog).not.toHaveBeenCalled();
  });

  it('refuses a pick over 200 MB in total without reading any of it', async () => {
    const half = Object.defineProperty(bytes(1), 'byteLength', { value: DESKTOP_LIMITS.maxBytes / 2 + 1 });
    const { deps } = fakeDeps({ disk: { '/a.qzlog': half, '/b.qzlog': half } });
    expect(await codeOf(handlePickFiles(trusted, [{ multiple: true }], deps))).toBe('E_DESKTOP_TOO_LARGE');
    expect(deps.files.read).not.toHaveBeenCalled();
  });

  it('refuses a file that grew past the limit between measuring and reading', async () => {
    const { deps } = fakeDeps({ disk: { '/a.qzlog': bytes(1) } });
    deps.files.read = async () => Object.defineProperty(bytes(1), 'byteLength', { value: DESKTOP_LIMITS.maxBytes + 1 });
    expect(await codeOf(handlePickFiles(trusted, [{}], deps))).toBe('E_DESKTOP_TOO_LARGE');
  });

  it('reports an unreadable file by name only', async () => {
    const { deps } = fakeDeps({ showOpenDialog: async () => ({ canceled: false, filePaths: ['/secret/dir/gone.qzlog'] }) });
    const error = await handlePickFiles(trusted, [{}], deps).catch((e: unknown) => e);
    expect(desktopErrorCode(error)).toBe('E_DESKTOP_IO');
    expect(String(error)).toContain('gone.qzlog');
    expect(String(error)).not.toContain('/secret/dir');
  });
});

describe('handleSaveFile', () => {
  const request = { suggestedName: '周报.xlsx', bytes: bytes(5) };

  it('writes the bytes where the user chose', async () => {
    const { deps, written } = fakeDeps();
    expect(await handleSaveFile(trusted, [request], deps)).toEqual({ saved: true, path: '/home/u/周报.xlsx' });
    expect(written.get('/home/u/周报.xlsx')).toBe(request.bytes);
  });

  it('writes nothing when the user cancels', async () => {
    const { deps, written } = fakeDeps({ showSaveDialog: async () => ({ canceled: true }) });
    expect(await handleSaveFile(trusted, [request], deps)).toEqual({ saved: false });
    expect(written.size).toBe(0);
  });

  it('refuses an untrusted sender and oversized bytes before showing any dialog', async () => {
    const { deps } = fakeDeps();
    expect(await codeOf(handleSaveFile({ senderFrame: { url: 'file:///x.html', parent: null } }, [request], deps))).toBe('E_DESKTOP_UNTRUSTED_SENDER');
    const huge = Object.defineProperty(bytes(1), 'byteLength', { value: DESKTOP_LIMITS.maxBytes + 1 });
    expect(await codeOf(handleSaveFile(trusted, [{ ...request, bytes: huge }], deps))).toBe('E_DESKTOP_TOO_LARGE');
    expect(deps.showSaveDialog).not.toHaveBeenCalled();
  });

  it('turns a failed write into E_DESKTOP_IO', async () => {
    const { deps } = fakeDeps();
    deps.files.writeAtomic = async () => Promise.reject(new Error('EACCES'));
    expect(await codeOf(handleSaveFile(trusted, [request], deps))).toBe('E_DESKTOP_IO');
  });
});

describe('registerDesktopIpc', () => {
  it('registers exactly the two bridge channels, sender-checked', async () => {
    const handlers = new Map<string, (event: SenderEvent, ...args: unknown[]) => Promise<unknown>>();
    const { deps } = fakeDeps();
    registerDesktopIpc({ handle: (channel, listener) => void handlers.set(channel, listener) }, deps);
    expect([...handlers.keys()].sort()).toEqual([DESKTOP_CHANNELS.pickFiles, DESKTOP_CHANNELS.saveFile].sort());
    const save = handlers.get(DESKTOP_CHANNELS.saveFile)!;
    expect(await codeOf(save({ senderFrame: null }, { suggestedName: 'a.txt', bytes: bytes(1) }))).toBe('E_DESKTOP_UNTRUSTED_SENDER');
    expect(await save(trusted, { suggestedName: 'a.txt', bytes: bytes(1) })).toEqual({ saved: true, path: '/home/u/周报.xlsx' });
  });
});

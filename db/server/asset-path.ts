import nodePath from 'node:path';

/** Names Windows opens as devices in any folder (`nul.js` too), whatever the extension. */
const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;

export type PathApi = Pick<typeof nodePath, 'join' | 'relative' | 'isAbsolute' | 'sep'>;

/**
 * Maps a request pathname to a file inside `rootDir`, or null when it would leave it.
 * Decodes exactly once; anything still looking encoded afterwards (`%252e`), any `.`/`..`
 * segment, empty inner segment, Windows device name, name ending in a dot or space,
 * backslash, colon (drive letters, NTFS streams) or NUL is refused rather than
 * normalised, so no spelling of `..` can slip through. `/` maps to index.html.
 */
export function resolveAssetPath(rootDir: string, pathname: string, pathApi: PathApi = nodePath): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || /[\\:%\0]/.test(decoded)) return null;
  const segments = decoded.split('/').slice(1);
  // `//etc/passwd` reads as an absolute path to anything that collapses slashes; a trailing `/` is harmless.
  if (segments.slice(0, -1).some((segment) => segment === '')) return null;
  if (segments.some((segment) => segment === '.' || segment === '..' || WINDOWS_DEVICE_NAME.test(segment) || /[. ]$/.test(segment))) return null;
  if (segments.at(-1) === '') segments.pop();
  if (segments.length === 0) segments.push('index.html');
  const resolved = pathApi.join(rootDir, ...segments);
  const relative = pathApi.relative(rootDir, resolved);
  if (relative === '' || relative.startsWith('..') || pathApi.isAbsolute(relative)) return null;
  return resolved;
}

/** Routes without a file extension belong to the single-page app and get index.html. */
export function isAppRoute(pathname: string): boolean {
  const last = pathname.split('/').pop() ?? '';
  return !last.includes('.');
}

/**
 * The desktop app's own command-line options, read from process.argv. Chromium and Electron
 * leave their own switches in argv too, so unknown arguments are ignored, not refused.
 *   --provision <file> | --provision=<file>   apply a provisioning file on this start
 */
import nodePath from 'node:path';

export interface DesktopArgs {
  provisionFile: string | null;
}

export function parseDesktopArgs(argv: readonly string[], cwd: string, pathApi: Pick<typeof nodePath, 'resolve'> = nodePath): DesktopArgs {
  let provisionFile: string | null = null;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--provision' && index + 1 < argv.length) provisionFile = argv[++index]!;
    else if (arg.startsWith('--provision=')) provisionFile = arg.slice('--provision='.length);
  }
  return { provisionFile: provisionFile ? pathApi.resolve(cwd, provisionFile) : null };
}

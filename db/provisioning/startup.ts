import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { PROVISIONING_FILE_NAME } from '../../shared/provisioning/schema';
import type { Db } from '../sql';
import { applyProvisioning, readProvisioningStatus, recordProvisioningFileProblem } from './apply';
import { readProvisioningFile } from './read';

export interface ProvisioningCandidate {
  file: string;
  /** Named on the command line (`--provision <file>`): a bad one stops the start with its reason. */
  explicit: boolean;
}

export interface CandidateSources {
  /** `--provision <file>`, resolved. */
  explicit: string | null;
  /** The folder of the running program (the desktop app's install folder). */
  executableDir: string | null;
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * Where the first run looks for a provisioning file, in order:
 *   1. `--provision <file>`;
 *   2. beside the program (the Windows installer copies a file found beside itself there);
 *   3. beside the AppImage file (Linux; `$APPIMAGE`);
 *   4. the machine-wide folder: `%ProgramData%\黔招通\` (Windows), `/etc/qianzhao/` (Linux),
 *      where an admin's deployment tool can drop it.
 */
export function provisioningCandidates(sources: CandidateSources): ProvisioningCandidate[] {
  const pathApi = sources.platform === 'win32' ? path.win32 : path.posix;
  const list: ProvisioningCandidate[] = [];
  const add = (file: string | null, explicit = false): void => {
    if (file && !list.some((entry) => entry.file === file)) list.push({ file, explicit });
  };
  add(sources.explicit, true);
  if (sources.executableDir) add(pathApi.join(sources.executableDir, PROVISIONING_FILE_NAME));
  if (sources.platform === 'linux' && sources.env.APPIMAGE) add(pathApi.join(pathApi.dirname(sources.env.APPIMAGE), PROVISIONING_FILE_NAME));
  if (sources.platform === 'win32' && sources.env.PROGRAMDATA) add(pathApi.join(sources.env.PROGRAMDATA, '黔招通', PROVISIONING_FILE_NAME));
  if (sources.platform === 'linux') add(pathApi.join('/etc/qianzhao', PROVISIONING_FILE_NAME));
  return list;
}

export type ProvisioningOutcome =
  | { kind: 'none' }
  | { kind: 'applied'; file: string; changed: boolean }
  | { kind: 'refused'; file: string; error: AppError };

/**
 * Start-up: an explicit file is always read, and a bad one throws (the admin who typed the
 * command is there to read why). A file found in the usual places is used only while the
 * device is not yet provisioned; a bad one is recorded for the first-run wizard and the app
 * starts anyway.
 */
export function provisionAtStartup(target: Db | { db: Db }, candidates: readonly ProvisioningCandidate[], now: Date = new Date()): ProvisioningOutcome {
  for (const candidate of candidates) {
    if (candidate.explicit) {
      const provisioning = readProvisioningFile(candidate.file, now);
      return { kind: 'applied', file: candidate.file, ...applyProvisioning(target, provisioning, { kind: 'file', file: candidate.file }, now) };
    }
  }
  if (readProvisioningStatus(target).provisioned) return { kind: 'none' };
  for (const candidate of candidates) {
    if (!fs.existsSync(candidate.file)) continue;
    try {
      const provisioning = readProvisioningFile(candidate.file, now);
      return { kind: 'applied', file: candidate.file, ...applyProvisioning(target, provisioning, { kind: 'file', file: candidate.file }, now) };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const problems = error.code === 'E_PROVISION_INVALID' && error.details ? error.details.map((d) => ({ path: d.path, message: d.message })) : [{ path: '', message: error.message }];
      recordProvisioningFileProblem(target, candidate.file, problems, now);
      return { kind: 'refused', file: candidate.file, error };
    }
  }
  return { kind: 'none' };
}

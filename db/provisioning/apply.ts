import type { ProvisioningStatus } from '../../shared/contract/provisioning';
import { AppError } from '../../shared/errors';
import type { Provisioning, ProvisioningProblem } from '../../shared/provisioning/schema';
import type { Db } from '../sql';
import { summarizeCertificates } from './read';

export type { ProvisioningStatus } from '../../shared/contract/provisioning';

/**
 * What provisioning stores, in the `meta` table of the (encrypted) database. The enrollment
 * itself — calling the platform with the code and the device's public key — belongs to the
 * sync work: it reads these keys, and on success sets `enrolled_at` and deletes
 * `enrollment_code` (a one-time secret has no business staying on disk).
 */
export const PROVISION_META = {
  platformUrl: 'platform_url',
  caCertificatePem: 'platform_ca_pem',
  team: 'team_name',
  enrollmentCode: 'enrollment_code',
  provisionedAt: 'provisioned_at',
  provisionedFrom: 'provisioned_from',
  /** Set by enrollment (the sync issue); once set, provisioning can no longer change the platform. */
  enrolledAt: 'enrolled_at',
  /** The last provisioning file found at start that was refused, for the first-run wizard to show. */
  fileProblem: 'provision_file_problem',
} as const;

export type ProvisionSource = { kind: 'file'; file: string } | { kind: 'wizard' };


function dbOf(target: Db | { db: Db }): Db {
  return 'prepare' in target ? target : target.db;
}

function read(db: Db, key: string): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

/**
 * Stores a parsed provisioning (from a file or the wizard) in one transaction. Refused with
 * E_PROVISION_ENROLLED once the device has enrolled: then the platform, not a file on disk,
 * decides which team it belongs to. Applying the same settings again changes nothing.
 */
export function applyProvisioning(target: Db | { db: Db }, provisioning: Provisioning, source: ProvisionSource = { kind: 'wizard' }, now: Date = new Date()): { changed: boolean } {
  const db = dbOf(target);
  return db.transaction(() => {
    if (read(db, PROVISION_META.enrolledAt) !== null) throw new AppError('E_PROVISION_ENROLLED');
    const values: Record<string, string | null> = {
      [PROVISION_META.platformUrl]: provisioning.platformUrl,
      [PROVISION_META.caCertificatePem]: provisioning.caCertificatePem,
      [PROVISION_META.team]: provisioning.team,
      [PROVISION_META.enrollmentCode]: provisioning.enrollmentCode,
    };
    const changed = Object.entries(values).some(([key, value]) => read(db, key) !== value) || read(db, PROVISION_META.provisionedAt) === null;
    const upsert = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    const remove = db.prepare('DELETE FROM meta WHERE key = ?');
    remove.run(PROVISION_META.fileProblem);
    if (!changed) return { changed: false };
    for (const [key, value] of Object.entries(values)) {
      if (value === null) remove.run(key);
      else upsert.run(key, value);
    }
    upsert.run(PROVISION_META.provisionedAt, now.toISOString());
    upsert.run(PROVISION_META.provisionedFrom, source.kind === 'file' ? `file:${source.file}` : 'wizard');
    return { changed: true };
  }).immediate();
}

/** Remembers a refused provisioning file so the first-run wizard can say what was wrong with it. */
export function recordProvisioningFileProblem(target: Db | { db: Db }, file: string, problems: ProvisioningProblem[], now: Date = new Date()): void {
  const value = JSON.stringify({ file, problems: problems.slice(0, 20), at: now.toISOString() });
  dbOf(target).prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(PROVISION_META.fileProblem, value);
}

export function readProvisioningStatus(target: Db | { db: Db }): ProvisioningStatus {
  const db = dbOf(target);
  const problemText = read(db, PROVISION_META.fileProblem);
  let fileProblem: ProvisioningStatus['fileProblem'] = null;
  if (problemText) {
    try {
      fileProblem = JSON.parse(problemText) as ProvisioningStatus['fileProblem'];
    } catch {
      fileProblem = null;
    }
  }
  return {
    provisioned: read(db, PROVISION_META.provisionedAt) !== null,
    enrolled: read(db, PROVISION_META.enrolledAt) !== null,
    platformUrl: read(db, PROVISION_META.platformUrl),
    team: read(db, PROVISION_META.team),
    hasEnrollmentCode: read(db, PROVISION_META.enrollmentCode) !== null,
    certificates: summarizeCertificates(read(db, PROVISION_META.caCertificatePem)),
    provisionedAt: read(db, PROVISION_META.provisionedAt),
    provisionedFrom: read(db, PROVISION_META.provisionedFrom),
    fileProblem,
  };
}

import { z } from 'zod';
import { provisioningInput, type ProvisioningProblem } from '../provisioning/schema';
import { method } from './define';

/**
 * Provisioning: which platform this device belongs to. Filled from the admin's provisioning
 * file on first run, or by the first-run wizard (首次使用向导) when there is none. The
 * enrollment call itself (code + device key → device token) comes with sync.
 */
export interface CertificateSummary {
  subject: string;
  /** SHA-256 fingerprint (AB:CD:…), for the admin to compare. */
  fingerprint256: string;
  validTo: string;
}

export interface ProvisioningStatus {
  /** False: show the first-run wizard. */
  provisioned: boolean;
  /** True once enrolled with the platform; provisioning can no longer change. */
  enrolled: boolean;
  platformUrl: string | null;
  team: string | null;
  /** Never the code itself: only whether one waits for enrollment. */
  hasEnrollmentCode: boolean;
  certificates: CertificateSummary[];
  provisionedAt: string | null;
  /** `file:<path>` or `wizard`. */
  provisionedFrom: string | null;
  /** A provisioning file found at start but refused: the wizard shows the file and each problem. */
  fileProblem: { file: string; problems: ProvisioningProblem[]; at: string } | null;
}

export const provisioningContract = {
  'provisioning.status': method<ProvisioningStatus>()(z.object({}).strict()),
  /** The wizard's form: the same fields and rules as the provisioning file (shared/provisioning/schema.ts). */
  'provisioning.apply': method<ProvisioningStatus>()(provisioningInput),
};

import type { z } from 'zod';
import type { MethodDef } from '../../../shared/contract/define';
import type { provisioningContract } from '../../../shared/contract/provisioning';
import { AppError } from '../../../shared/errors';
import { applyProvisioning, readProvisioningStatus } from '../../provisioning/apply';
import { certificateProblems } from '../../provisioning/read';
import type { HandlerContext } from '../../rpc/types';

type Slice = typeof provisioningContract;
type OutputOf<D> = D extends MethodDef<z.ZodType, infer O> ? O : never;
/** The same shape as FeatureHandlers<keyof typeof provisioningContract> once the contract is registered. */
export type ProvisioningHandlers = { [M in keyof Slice]: (input: z.output<Slice[M]['input']>, ctx: HandlerContext) => OutputOf<Slice[M]> };

/** The first-run wizard: what is stored (never the enrollment code), and the form's submit. */
export const provisioningHandlers: ProvisioningHandlers = {
  'provisioning.status': (_input, ctx) => readProvisioningStatus(ctx.db),
  'provisioning.apply': (input, ctx) => {
    // The shared schema checked the PEM's shape; Node parses each certificate for real.
    const problems = certificateProblems(input.caCertificatePem, ctx.now());
    if (problems.length > 0) {
      throw new AppError('E_VALIDATION', problems[0]!.message, problems.map((problem) => ({ path: problem.path, code: 'E_PROVISION_INVALID', message: problem.message })));
    }
    applyProvisioning(ctx.db, input, { kind: 'wizard' }, ctx.now());
    return readProvisioningStatus(ctx.db);
  },
};

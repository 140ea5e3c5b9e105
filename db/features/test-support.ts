import type { InputOf, MethodName, OutputOf } from '../../shared/contract';
import { computeCheckChar } from '../../shared/domain/credit-code';
import { AppError } from '../../shared/errors';
import { contentHash } from '../content-hash';
import type { HandlerContext } from '../rpc/types';
import { dispatch } from '../server/rpc';
import { testDatabase } from '../store/test-support';

/** The clock handlers see: 2026-11-27 10:00 in Shenzhen (a Friday). */
export const TEST_NOW = new Date('2026-11-27T02:00:00Z');

/**
 * A migrated database and `call`, which runs a method the way the backend does (input
 * parsed by the contract's schema, then the handler), minus HTTP.
 */
export function featureTest() {
  const t = testDatabase();
  const ctx: HandlerContext = {
    db: t.app.db,
    deviceId: t.app.deviceId,
    actor: t.actor,
    schemaVersion: t.app.migration.to,
    now: () => TEST_NOW,
    integrity: () => 'ok',
  };
  const call = async <M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> => (await dispatch(method, JSON.stringify(input), ctx)) as OutputOf<M>;
  /** The AppError a call is refused with; fails the test when the call succeeds. */
  const refusal = async <M extends MethodName>(method: M, input: InputOf<M>): Promise<AppError> => {
    const outcome = await call(method, input).then(
      () => new Error(`${method} was expected to be refused`),
      (error: unknown) => error,
    );
    if (outcome instanceof AppError) return outcome;
    throw outcome;
  };
  return { ...t, db: t.app.db, ctx, call, refusal, hash: () => contentHash(t.app.db) };
}

export type FeatureTest = ReturnType<typeof featureTest>;

/** A valid credit code (GB 32100-2015 check character) for tests: DESIGN §8's example. */
export const VALID_CODE = '914403001922038216';

/** A valid credit code for each seed: 17 characters from the seed plus the check character. */
export function creditCodeFor(seed: number): string {
  const first17 = `91440300${String(seed).padStart(9, '0')}`;
  return first17 + computeCheckChar(first17);
}

import type { z } from 'zod';
import type { ContractShape } from '../../../shared/contract/define';
import { AppError } from '../../../shared/errors';
import { contentHash } from '../../content-hash';
import type { HandlerContext } from '../../rpc/types';
import { testDatabase } from '../../store/test-support';
import type { Actor } from '../../store/writer';
import type { ContractHandlers } from './contract-handlers';

/** The clock handlers see in these tests: Friday 2026-11-27 10:00 China time (week 2026-W48). */
export const WEEK_TEST_NOW = new Date('2026-11-27T02:00:00Z');

/**
 * A migrated database with a HandlerContext, and `call`, which parses the input with the
 * feature's own contract schema and runs its handler, as the backend's dispatch will once
 * the contract is merged.
 */
export function weekTest(options: { userName?: string; now?: Date } = {}) {
  const t = testDatabase();
  const now = options.now ?? WEEK_TEST_NOW;
  const ctx: HandlerContext = {
    db: t.app.db,
    deviceId: t.app.deviceId,
    actor: t.actor,
    schemaVersion: t.app.migration.to,
    now: () => now,
    integrity: () => 'ok',
  };
  if (options.userName) t.app.db.prepare("INSERT INTO meta (key, value) VALUES ('user_display_name', ?)").run(options.userName);
  return { ...t, db: t.app.db, ctx, hash: () => contentHash(t.app.db) };
}

export async function callWith<C extends ContractShape, M extends keyof C & string>(
  contract: C,
  handlers: ContractHandlers<C>,
  ctx: HandlerContext,
  method: M,
  input: z.input<C[M]['input']>,
): Promise<Awaited<ReturnType<ContractHandlers<C>[M]>>> {
  const parsed = contract[method]!.input.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const code = (issue as { params?: { code?: string } } | undefined)?.params?.code ?? 'E_VALIDATION';
    throw new AppError(code, issue?.message);
  }
  return (await handlers[method](parsed.data as never, ctx)) as Awaited<ReturnType<ContractHandlers<C>[M]>>;
}

/** An actor for a second member on the same database (tests of several members' rows). */
export function memberActor(base: Actor, userId: string): Actor {
  return { ...base, userId };
}

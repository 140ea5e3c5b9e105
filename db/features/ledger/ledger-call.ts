/** Runs a ledger method as the backend would (input parsed by the contract's schema, then the handler), for tests and the CLI. */
import type { z } from 'zod';
import { ledgerContract } from '../../../shared/contract/ledger';
import type { HandlerContext } from '../../rpc/types';
import { ledgerHandlers } from './handlers';

type Contract = typeof ledgerContract;
type Output<M extends keyof Contract> = Awaited<ReturnType<(typeof ledgerHandlers)[M]>>;

export async function callLedger<M extends keyof Contract>(ctx: HandlerContext, method: M, input: z.input<Contract[M]['input']>): Promise<Output<M>> {
  const parsed = ledgerContract[method].input.parse(input);
  const handler = ledgerHandlers[method] as (input: unknown, ctx: HandlerContext) => Output<M> | Promise<Output<M>>;
  return handler(parsed, ctx);
}

import type { reportContract } from '../../../shared/contract/report';
import type { ContractCall } from '../../../shared/weeklog/contract-call';
import { rpc } from '../../lib/rpc';

/** This feature's methods over the app's one RPC client (see shared/weeklog/contract-call.ts). */
export const reportRpc = rpc as unknown as ContractCall<typeof reportContract>;

import type { weekNotesContract } from '../../../shared/contract/week-notes';
import type { weeklogContract } from '../../../shared/contract/weeklog';
import type { ContractCall } from '../../../shared/weeklog/contract-call';
import { rpc } from '../../lib/rpc';

/** This feature's methods over the app's one RPC client (see shared/weeklog/contract-call.ts). */
export const weeklogRpc = rpc as unknown as ContractCall<typeof weeklogContract & typeof weekNotesContract>;

import type { SyncAttentionItem, SyncNowResult, SyncStatusView } from '../../../shared/contract/sync';
import { AppError } from '../../../shared/errors';
import type { z } from 'zod';
import type { MethodDef } from '../../../shared/contract/define';
import { syncContract } from '../../../shared/contract/sync';
import type { HandlerContext } from '../../rpc/types';
import { statement } from '../../store/statements';
import { SyncHttpError, SyncOfflineError } from '../../sync/client';
import { listConflicts, resolveConflict } from '../../sync/conflicts';
import { enrollDevice } from '../../sync/enroll';
import { getMeta, setMeta } from '../../sync/state';
import type { SyncService } from '../../sync/service';
import { syncServiceFor } from './service-registry';

type SyncContract = typeof syncContract;
type SyncMethods = keyof SyncContract;
type OutputOf<M extends SyncMethods> = SyncContract[M] extends MethodDef<z.ZodType, infer O> ? O : never;
/**
 * Typed against shared/contract/sync.ts directly, so this compiles before the contract is
 * merged into shared/contract/index.ts; then it is exactly FeatureHandlers<SyncMethods>.
 */
type SyncHandlers = { [M in SyncMethods]: (input: z.output<SyncContract[M]['input']>, ctx: HandlerContext) => OutputOf<M> | Promise<OutputOf<M>> };

/** Parses `input` with the method's schema, then runs the handler (what the backend's dispatch does). */
export async function callSync<M extends SyncMethods>(method: M, input: unknown, ctx: HandlerContext): Promise<OutputOf<M>> {
  const parsed = syncContract[method].input.parse(input) as z.output<SyncContract[M]['input']>;
  return (syncHandlers[method] as (input: unknown, ctx: HandlerContext) => OutputOf<M> | Promise<OutputOf<M>>)(parsed, ctx);
}

function view(service: SyncService): SyncStatusView {
  const status = service.status();
  return { ...status, massDelete: status.massDelete ? { deletions: status.massDelete.deletions, liveRows: status.massDelete.liveRows } : null };
}

async function runNow(ctx: HandlerContext): Promise<SyncNowResult> {
  const service = syncServiceFor(ctx);
  try {
    const outcome = await service.now();
    return { outcome: outcome.kind, message: outcome.kind === 'blocked' ? outcome.message : null, status: view(service) };
  } catch (error) {
    const offline = error instanceof SyncOfflineError || (error instanceof SyncHttpError && error.status >= 500);
    return { outcome: offline ? 'offline' : 'failed', message: error instanceof Error && (offline || error instanceof SyncHttpError) ? error.message : '同步失败，请稍后再试', status: view(service) };
  }
}

export const syncHandlers: SyncHandlers = {
  'sync.status': (_input, ctx) => view(syncServiceFor(ctx)),

  'sync.enroll': async ({ platformUrl, code }, ctx) => {
    const service = syncServiceFor(ctx);
    try {
      await enrollDevice({ db: ctx.db, deviceId: ctx.deviceId, platformUrl, code, tokens: tokensOf(service) });
    } catch (error) {
      if (error instanceof SyncHttpError) throw new AppError('E_BAD_REQUEST', error.message, [{ path: 'code', code: error.code, message: error.message }]);
      if (error instanceof SyncOfflineError) throw new AppError('E_BAD_REQUEST', error.message, [{ path: 'platformUrl', code: 'E_OFFLINE', message: error.message }]);
      throw error;
    }
    void service.now().catch(() => undefined);
    return view(service);
  },

  'sync.now': (_input, ctx) => runNow(ctx),

  'sync.attention': (_input, ctx) => {
    syncServiceFor(ctx);
    const rows = statement(ctx.db, 'SELECT change_id, entity, row_id, op, fields, code, message, at FROM sync_attention ORDER BY seq DESC LIMIT 500').all() as {
      change_id: string;
      entity: string;
      row_id: string;
      op: string;
      fields: string;
      code: string;
      message: string;
      at: string;
    }[];
    const items: SyncAttentionItem[] = rows.map((row) => ({
      changeId: row.change_id,
      entity: row.entity,
      rowId: row.row_id,
      op: row.op,
      fields: JSON.parse(row.fields) as Record<string, unknown>,
      code: row.code,
      message: row.message,
      at: row.at,
    }));
    return { items };
  },

  'sync.conflicts': (_input, ctx) => {
    syncServiceFor(ctx);
    return { items: listConflicts(ctx.db) };
  },

  'sync.resolveConflict': ({ id, choice }, ctx) => {
    syncServiceFor(ctx);
    resolveConflict(ctx.db, ctx.actor, id, choice);
    return { items: listConflicts(ctx.db) };
  },

  'sync.confirmMassDelete': async (_input, ctx) => {
    syncServiceFor(ctx);
    const pending = getMeta(ctx.db, 'sync_mass_delete');
    if (!pending) throw new AppError('E_NOT_FOUND', '没有等待确认的删除');
    setMeta(ctx.db, 'sync_mass_delete_ok', String((JSON.parse(pending) as { cursor: number }).cursor));
    return runNow(ctx);
  },
};

function tokensOf(service: SyncService) {
  return service.tokens;
}

import { App, Button } from 'antd';
import { useCallback } from 'react';
import type { DeletableKind } from '../../shared/contract';
import { dataChanged, type DataKind } from './data-version';
import { t } from './i18n';
import { errorMessage, rpc } from './rpc';

/** Which lists to reload when a record of this kind disappears or comes back. */
const AFFECTS: Record<DeletableKind, DataKind[]> = {
  company: ['company', 'contact', 'visit', 'project', 'task'],
  contact: ['contact', 'company'],
  visit: ['visit', 'task', 'company'],
  project: ['project', 'company'],
  funds_entry: ['project'],
  task: ['task', 'company'],
};

/**
 * Soft delete with an 撤销 button in the success message: nothing is asked first, because
 * nothing is lost — the record is hidden, kept, and restored by one click.
 */
export function useSoftDelete() {
  const { message } = App.useApp();
  return useCallback(
    async (kind: DeletableKind, id: string, what: string, afterRestore?: () => void): Promise<boolean> => {
      try {
        await rpc('records.delete', { kind, id });
      } catch (error) {
        message.error(errorMessage(error));
        return false;
      }
      dataChanged(...AFFECTS[kind]);
      const key = `deleted-${id}`;
      const undo = async (): Promise<void> => {
        try {
          await rpc('records.restore', { kind, id });
          dataChanged(...AFFECTS[kind]);
          message.open({ key, type: 'success', content: t.common.restored(what) });
          afterRestore?.();
        } catch (error) {
          message.open({ key, type: 'error', content: errorMessage(error) });
        }
      };
      message.open({
        key,
        type: 'success',
        duration: 8,
        content: (
          <span>
            {t.common.deleted(what)}
            <Button type="link" size="small" onClick={() => void undo()} style={{ marginLeft: 8 }}>
              {t.common.undo}
            </Button>
          </span>
        ),
      });
      return true;
    },
    [message],
  );
}

import { z } from 'zod';
import { method } from './define';

export interface SystemInfo {
  appVersion: string;
  schemaVersion: number;
  deviceId: string;
  /** Result of the background `quick_check`: null while it runs. */
  integrity: 'ok' | 'corrupt' | 'unchecked' | null;
}

export const systemContract = {
  'system.info': method<SystemInfo>()(z.object({}).strict()),
};

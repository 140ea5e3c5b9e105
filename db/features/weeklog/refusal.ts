import { WEEKLOG_ERRORS, type WeeklogErrorCode } from '../../../shared/weeklog/errors';

/** Why a weekly-log file was not imported: a stable code and a Chinese sentence for the lead. */
export class WeeklogRefusal extends Error {
  constructor(
    readonly code: WeeklogErrorCode,
    message?: string,
    /** Particulars the screen can act on, e.g. the unknown device's id and public key. */
    readonly details?: Readonly<Record<string, string | number | null>>,
  ) {
    super(message ?? WEEKLOG_ERRORS[code]);
    this.name = 'WeeklogRefusal';
  }
}

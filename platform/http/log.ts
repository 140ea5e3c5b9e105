/**
 * Structured logs, one JSON object a line. The field types allow only ids, codes, counts
 * and durations: no names, phones or field values ever reach a log (DESIGN §6).
 */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

export function jsonLogger(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Logger {
  const emit = (level: string) => (msg: string, fields: LogFields = {}) => write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }));
  return { info: emit('info'), warn: emit('warn'), error: emit('error') };
}

export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Keeps every line in memory, for tests that check what was (not) logged. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, ...jsonLogger((line) => lines.push(line)) };
}

/** What of an unexpected error may be logged: its class and code, and where it came from — not its message (it may quote values). */
export function describeError(error: unknown): LogFields {
  if (!(error instanceof Error)) return { errorType: typeof error };
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? '').split('\n').slice(1, 6).map((line) => line.trim()).join(' | ');
  return { errorName: error.name, errorCode: typeof code === 'string' ? code : undefined, stack: frames };
}

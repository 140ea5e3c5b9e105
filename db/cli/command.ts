import type { ParseArgsConfig } from 'node:util';

/**
 * One CLI subcommand: a file in db/cli/commands/ named after the command, exporting
 * `command`. Adding a command is adding that one file; main.ts finds it by name.
 */
export interface CliContext {
  /** `--data <dir>`, resolved; default: the app's data folder for this user. */
  dataDir: string;
  /** `--json`: one JSON object on stdout instead of sentences. */
  json: boolean;
  now(): Date;
}

export interface CliOutcome {
  /** Sentences for people (Chinese), printed one per line unless --json. */
  lines: string[];
  /** What --json prints as `result`. */
  data: unknown;
}

export type CliOptions = NonNullable<ParseArgsConfig['options']>;

export interface CliCommand<O extends CliOptions = CliOptions> {
  name: string;
  /** One line for `help`. */
  summary: string;
  /** Arguments after the name, e.g. `<file>`. */
  usage: string;
  options?: O;
  run(ctx: CliContext, args: { values: Record<string, string | boolean | undefined>; positionals: string[] }): Promise<CliOutcome> | CliOutcome;
}

/** Wrong or missing arguments: exit code 2 and the command's usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function defineCommand<O extends CliOptions>(command: CliCommand<O>): CliCommand<O> {
  return command;
}

export const EXIT = { ok: 0, refused: 1, usage: 2 } as const;

/**
 * `npm run cli -- [--data <dir>] [--json] <command> [arguments]`
 *
 * A small registry of subcommands: each is one file in db/cli/commands/ (see command.ts).
 * Exit codes: 0 done · 1 refused (bad file, wrong key, data folder in use, …) · 2 usage.
 * With --json, stdout carries exactly one JSON object, success or not:
 *   {"ok":true,"command":"backup","result":{…}} · {"ok":false,"error":{"code","message","details"}}
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/errors';
import { defaultDataDir } from '../paths';
import { EXIT, UsageError, type CliCommand, type CliContext, type CliOptions } from './command';
import { loadAllCommands, loadCommand } from './registry';

const GLOBAL_OPTIONS = {
  data: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies CliOptions;

export interface CliIo {
  stdout(line: string): void;
  stderr(line: string): void;
}

const consoleIo: CliIo = { stdout: (line) => console.log(line), stderr: (line) => console.error(line) };

/** The first word that is not an option (nor the value of --data). */
function findCommandName(argv: readonly string[]): string | null {
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--data') {
      index++;
      continue;
    }
    if (!arg.startsWith('-')) return arg;
  }
  return null;
}

/** Columns on a terminal: CJK characters take two. */
function displayWidth(text: string): number {
  return [...text].reduce((width, char) => width + (/[\u1100-\uffef]/.test(char) ? 2 : 1), 0);
}

async function helpText(): Promise<string[]> {
  const commands = await loadAllCommands();
  const heads = commands.map((c) => `${c.name} ${c.usage}`.trimEnd());
  const width = Math.max(...heads.map(displayWidth));
  // Long usages (many options) get their summary on the next line instead of a ragged table.
  const line = (head: string, summary: string): string => (width <= 44 ? `  ${head}${' '.repeat(width - displayWidth(head))}  ${summary}` : `  ${head}\n      ${summary}`);
  return [
    '用法 / usage: npm run cli -- [--data <数据目录>] [--json] <命令> [参数]',
    '',
    ...commands.map((c, index) => line(heads[index]!, c.summary)),
    '',
    '退出码：0 成功 · 1 输入被拒绝 · 2 用法错误',
  ];
}

function usageOf(command: CliCommand): string {
  return `用法：npm run cli -- [--data <数据目录>] [--json] ${command.name} ${command.usage}`.trimEnd();
}

/** Runs one CLI invocation; returns the exit code. `io` is injected for tests. */
export async function runCli(argv: readonly string[], io: CliIo = consoleIo, now: () => Date = () => new Date()): Promise<number> {
  const json = argv.includes('--json');
  const fail = (code: number, error: { code: string; message: string; details?: unknown }, extra: string[] = []): number => {
    if (json) io.stdout(JSON.stringify({ ok: false, error }));
    else {
      io.stderr(`错误：${error.message} [${error.code}]`);
      for (const line of extra) io.stderr(line);
    }
    return code;
  };

  const name = findCommandName(argv);
  if (name === null || name === 'help') {
    const lines = await helpText();
    if (name === null && !argv.includes('--help') && !argv.includes('-h')) return fail(EXIT.usage, { code: 'E_USAGE', message: '请指定一个命令' }, lines);
    if (json) io.stdout(JSON.stringify({ ok: true, command: 'help', result: { usage: lines } }));
    else lines.forEach((line) => io.stdout(line));
    return EXIT.ok;
  }

  const command = await loadCommand(name);
  if (!command) return fail(EXIT.usage, { code: 'E_USAGE', message: `没有这个命令：${name.slice(0, 40)}` }, await helpText());

  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    const parsed = parseArgs({ args: [...argv], options: { ...GLOBAL_OPTIONS, ...command.options }, allowPositionals: true, strict: true });
    values = parsed.values as Record<string, string | boolean | undefined>;
    positionals = parsed.positionals.filter((_, index) => index !== parsed.positionals.indexOf(name));
  } catch (error) {
    return fail(EXIT.usage, { code: 'E_USAGE', message: error instanceof Error ? error.message : String(error) }, [usageOf(command)]);
  }
  if (values.help) {
    io.stdout(usageOf(command));
    io.stdout(command.summary);
    return EXIT.ok;
  }

  const ctx: CliContext = { dataDir: path.resolve(typeof values.data === 'string' ? values.data : defaultDataDir()), json, now };
  try {
    const outcome = await command.run(ctx, { values, positionals });
    if (json) io.stdout(JSON.stringify({ ok: true, command: command.name, result: outcome.data }));
    else outcome.lines.forEach((line) => io.stdout(line));
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) return fail(EXIT.usage, { code: 'E_USAGE', message: error.message }, [usageOf(command)]);
    if (error instanceof AppError) {
      const details = error.details?.map((d) => `  · ${d.path ? `${d.path}：` : ''}${d.message}`) ?? [];
      return fail(EXIT.refused, error.toBody(), details);
    }
    return fail(EXIT.refused, { code: 'E_INTERNAL', message: `内部错误：${error instanceof Error ? error.message : String(error)}` });
  }
}

// Run only as the entry point (`tsx db/cli/main.ts`), not when a test imports runCli.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  process.exitCode = await runCli(process.argv.slice(2));
}

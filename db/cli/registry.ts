import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CliCommand } from './command';

const COMMANDS_DIR = path.join(import.meta.dirname, 'commands');
const NAME = /^[a-z][a-z0-9-]*$/;

/** Command names, from the files in commands/ (no module is loaded). */
export function commandNames(dir: string = COMMANDS_DIR): string[] {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts'))
    .map((file) => file.slice(0, -'.ts'.length))
    .filter((name) => NAME.test(name))
    .sort();
}

/** Loads one command by name; null when there is no such file. The file must export `command` with the same name. */
export async function loadCommand(name: string, dir: string = COMMANDS_DIR): Promise<CliCommand | null> {
  if (!NAME.test(name) || !commandNames(dir).includes(name)) return null;
  const module = (await import(pathToFileURL(path.join(dir, `${name}.ts`)).href)) as { command?: CliCommand };
  if (!module.command || module.command.name !== name) throw new Error(`db/cli/commands/${name}.ts must export \`command\` named '${name}'`);
  return module.command;
}

export async function loadAllCommands(dir: string = COMMANDS_DIR): Promise<CliCommand[]> {
  const commands: CliCommand[] = [];
  for (const name of commandNames(dir)) {
    const command = await loadCommand(name, dir);
    if (command) commands.push(command);
  }
  return commands;
}

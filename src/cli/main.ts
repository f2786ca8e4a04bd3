/**
 * The `mbank-ts` command line: one yargs command per file in ./commands, registered in
 * ./commands/index.ts and loaded lazily (only the command being run is imported). mbank-style `.ini` files given as positional arguments are expanded into
 * options first (./ini.ts). Only src/cli touches process, argv and console.
 */
import yargs from 'yargs';
import type { CommandModule } from 'yargs';
import { commands } from './commands/index.js';
import { exitWithFailure, installFailureHandlers } from './failure.js';
import { interruptExitCode } from './signals.js';
import { expandIniTokens } from './ini.js';
import { normalizeTokens } from './argv.js';
import { checkCountLimits } from './bounds.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- commands of every argument type pass through here, and yargs' getOptions is not in its types */
/** yargs' option table of a command, read from its builder. */
function optionTable(cmd: CommandModule<any, any>): { key?: Record<string, unknown>; number?: string[]; narg?: Record<string, number>; alias?: Record<string, string[]> } {
  const y = yargs([]);
  const b = cmd.builder;
  if (typeof b === 'function') b(y as any);
  else if (b) y.options(b as any);
  return (y as any).getOptions();
}

const kebab = (k: string) => k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Option names (kebab-case) a command declares. */
export function knownOptions(cmd: CommandModule<any, any>): Set<string> {
  return new Set(Object.keys(optionTable(cmd).key ?? {}).map(kebab));
}

/** Every name of each option of a command (itself and its aliases, kebab-case), by each of those names. */
export function aliasGroups(cmd: CommandModule<any, any>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [name, others] of Object.entries(optionTable(cmd).alias ?? {})) {
    const group = [name, ...others].map(kebab);
    for (const n of group) out.set(n, [...new Set([...(out.get(n) ?? []), ...group])]);
  }
  return out;
}

/** Run the command line; every failure leaves as one line on stderr and an exit status (./failure.ts). */
export async function main(argv: string[]): Promise<void> {
  installFailureHandlers();
  try {
    const entry = commands.find((c) => c.name === argv[0]);
    const cmd = entry ? await entry.load() : undefined;
    // tokens after `--` belong to another command (`workflow -- dataset my.ini`), which expands its own ini
    const cut = argv.indexOf('--');
    const own = argv.slice(1, cut < 0 ? argv.length : cut), passed = cut < 0 ? [] : argv.slice(cut);
    if (cmd && own.some((t) => !t.startsWith('-') && t.toLowerCase().endsWith('.ini'))) {
      const groups = aliasGroups(cmd);
      const { tokens, ignored } = expandIniTokens(own, knownOptions(cmd), (name) => groups.get(name) ?? [name]);
      if (ignored.length > 0) {
        process.stderr.write(`mbank-ts ${argv[0]}: ini options not used by mbank-ts, ignored: ${ignored.join(', ')}\n`);
      }
      argv = [argv[0], ...tokens, ...passed];
    }
    if (cmd) {
      const table = optionTable(cmd);
      const end = argv.indexOf('--');
      const mine = argv.slice(1, end < 0 ? argv.length : end), rest = end < 0 ? [] : argv.slice(end);
      argv = [argv[0], ...normalizeTokens(mine, new Set((table.number ?? []).map(kebab)), (name) => table.narg?.[name] ?? 1), ...rest];
    }
    let cli = yargs(argv)
      .scriptName('mbank-ts')
      .usage('$0 <command> [options]\n\nGravitational-wave template banks with normalizing flows.')
      .strict()
      .demandCommand(1, 'Name a command (see the list above).')
      .recommendCommands()
      .help()
      .alias('h', 'help')
      .version()
      .wrap(Math.min(120, process.stdout.columns ?? 120))
      .fail((msg, err) => {
        if (err && err.name !== 'YError') throw err;
        process.stderr.write(`mbank-ts: ${String(msg).replace(/\s*\n\s*/g, ' ')} (see 'mbank-ts ${entry ? `${entry.name} ` : ''}--help')\n`);
        process.exit(2);
      });
    // The command being run is registered in full; the others only by name, for the help listing.
    cli = cli.middleware((args) => checkCountLimits(args as Record<string, unknown>));
    for (const c of commands) cli = c === entry && cmd ? cli.command(cmd) : cli.command(c.name, c.describe, () => {}, () => {});
    await cli.parseAsync();
    const code = interruptExitCode();
    if (code !== undefined) process.exit(code);
  } catch (err) {
    exitWithFailure(err);
  }
}

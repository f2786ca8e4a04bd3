/**
 * The `mbank-ts` command line: one yargs command per file in ./commands, registered in
 * ./commands/index.ts. The only place (with the other cli files) that touches process, argv, console.
 */
import yargs from 'yargs';
import { MbankError } from '../core/errors.js';
import { commands } from './commands/index.js';

export async function main(argv: string[]): Promise<void> {
  let cli = yargs(argv)
    .scriptName('mbank-ts')
    .usage('$0 <command> [options]\n\nGravitational-wave template banks with normalizing flows.')
    .strict()
    .demandCommand(1, 'Name a command (see the list above).')
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .version()
    .wrap(Math.min(110, process.stdout.columns ?? 110))
    .fail((msg, err, y) => {
      if (err) throw err;
      process.stderr.write(`${y.help() ? '' : ''}mbank-ts: ${msg}\nRun 'mbank-ts --help' for the list of commands and options.\n`);
      process.exit(2);
    });
  for (const c of commands) cli = cli.command(c);
  try {
    await cli.parseAsync();
  } catch (err) {
    if (err instanceof MbankError) {
      process.stderr.write(`mbank-ts: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}

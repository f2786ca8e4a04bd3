/**
 * Progress of the stages of a long run: a cli-progress bar when stderr is a terminal, otherwise one
 * line every `intervalMs` (and at the end of each stage), so logs of batch jobs stay readable.
 */
import cliProgress from 'cli-progress';
import type { StageReporter } from '../../pipeline/place/progress.js';

/** Reports progress of one stage at a time. */
export class StageProgress implements StageReporter {
  private bar: cliProgress.SingleBar | undefined;
  private stage = '';
  private lastLine = 0;
  private lastText = '';
  private readonly tty: boolean;

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr, private readonly intervalMs = 10000) {
    this.tty = stream.isTTY === true;
  }

  /** Start a stage of `total` units (a bar on a TTY). */
  start(stage: string, total: number, unit: string): void {
    this.stop();
    this.stage = stage;
    this.lastLine = Date.now();
    if (this.tty) {
      this.bar = new cliProgress.SingleBar(
        { format: `${stage.padEnd(10)} |{bar}| {value}/{total} ${unit} | {info} | eta {eta_formatted}`, stream: this.stream, hideCursor: true },
        cliProgress.Presets.shades_classic,
      );
      this.bar.start(Math.max(1, total), 0, { info: '' });
    }
  }

  /** Update the current stage: `done` units of `total` (total may change), with a short text. */
  update(done: number, total: number, info = ''): void {
    this.lastText = `${done}/${total} ${info}`;
    if (this.bar) {
      this.bar.setTotal(Math.max(1, total));
      this.bar.update(done, { info });
    } else if (Date.now() - this.lastLine >= this.intervalMs) {
      this.lastLine = Date.now();
      this.stream.write(`${this.stage}: ${this.lastText}\n`);
    }
  }

  /** Finish the current stage (the last state is printed when there is no bar). */
  stop(): void {
    if (this.bar) {
      this.bar.stop();
      this.bar = undefined;
    } else if (this.stage !== '' && this.lastText !== '') {
      this.stream.write(`${this.stage}: ${this.lastText}\n`);
    }
    this.stage = '';
    this.lastText = '';
  }

  /** A message line (the bar is finished first). */
  log(line: string): void {
    if (this.bar) this.stop();
    this.stream.write(`${line}\n`);
  }
}

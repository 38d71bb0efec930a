// Progress on stderr, only when it is a terminal (the contract's rule): one bar, or one bar per phase
// of a longer job. Every command draws its bars through these two, so they look and behave alike.
import cliProgress from 'cli-progress';

/** A single bar with the given format (cli-progress tokens), or null when stderr is not a terminal. */
export function progressBar(format: string): cliProgress.SingleBar | null {
  if (!process.stderr.isTTY) return null;
  return new cliProgress.SingleBar({ stream: process.stderr, format, hideCursor: true, fps: 5 }, cliProgress.Presets.shades_classic);
}

/**
 * One bar per phase, each created when its phase first reports; null when stderr is not a terminal.
 * `scale` turns the reported units into the shown ones (bytes into megabytes, say).
 */
export function phaseBars(options: { unit?: string; labelWidth?: number; scale?: (n: number) => number } = {}): PhaseBars | null {
  return process.stderr.isTTY ? new PhaseBars(options) : null;
}

export class PhaseBars {
  readonly #multi: cliProgress.MultiBar;
  readonly #bars = new Map<string, cliProgress.SingleBar>();
  readonly #labelWidth: number;
  readonly #scale: (n: number) => number;
  #stopped = false;

  constructor(options: { unit?: string; labelWidth?: number; scale?: (n: number) => number }) {
    const unit = options.unit ? ` ${options.unit}` : '';
    this.#multi = new cliProgress.MultiBar(
      {
        stream: process.stderr,
        format: `{phase} [{bar}] {percentage}% | {value}/{total}${unit} | ETA {eta_formatted}`,
        hideCursor: true,
        clearOnComplete: false,
        stopOnComplete: false,
        fps: 5,
      },
      cliProgress.Presets.shades_classic,
    );
    this.#labelWidth = options.labelWidth ?? 8;
    this.#scale = options.scale ?? ((n) => n);
  }

  update(phase: string, done: number, total: number): void {
    if (this.#stopped) return;
    let bar = this.#bars.get(phase);
    if (!bar) {
      bar = this.#multi.create(Math.max(this.#scale(total), Number.MIN_VALUE), 0, { phase: phase.padEnd(this.#labelWidth) });
      this.#bars.set(phase, bar);
    }
    bar.update(this.#scale(done));
  }

  /** A line above the bars (after they stop, straight to stderr). */
  log(text: string): void {
    if (!this.#stopped) this.#multi.log(text);
    else process.stderr.write(text);
  }

  stop(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#multi.stop();
  }
}

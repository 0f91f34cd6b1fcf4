// Ctrl-C and SIGTERM during a run: the run is aborted (its programs killed with their process
// trees, no new case started), the throwaway CA is removed last, and the process exits 130 / 143
// without a report. A second signal, or a run that has not stopped within the grace time, exits at once.
import { holdSignalCleanup, removeAllNow } from '../../mock/cleanup.ts';

/** Exit code for each signal that interrupts a run: 128 + its number, as shells report it. */
export const INTERRUPT_EXIT_CODES = Object.freeze({ SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const);

type InterruptSignal = keyof typeof INTERRUPT_EXIT_CODES;

/** Time an interrupted run has to stop its programs and clean up before the process exits anyway. */
export const INTERRUPT_GRACE_MS = 1_500;

/** The reason a run was aborted with. */
export class InterruptedError extends Error {
  readonly signal: InterruptSignal;
  constructor(signal: InterruptSignal) {
    super(`interrupted by ${signal}`);
    this.name = 'InterruptedError';
    this.signal = signal;
  }
}

/** An installed watch: its abort signal, and the signal received (if any). */
export interface InterruptWatch {
  signal: AbortSignal;
  /** The signal that interrupted the run, or undefined. */
  received(): InterruptSignal | undefined;
  /** The exit code for the signal received (undefined when none was). */
  exitCode(): number | undefined;
  /** Gives an interrupted run this long to stop and clean up (a live write run deletes what it made). */
  setGraceMs(ms: number): void;
  /** Removes the handlers and the grace timer. */
  stop(): void;
}

/** Installs the handlers; `program` names the command in the messages written with `write`. */
export function watchInterrupts(program: string, write: (text: string) => void): InterruptWatch {
  const controller = new AbortController();
  const release = holdSignalCleanup();
  let received: InterruptSignal | undefined;
  let grace: NodeJS.Timeout | undefined;
  let graceMs = INTERRUPT_GRACE_MS;
  const exitNow = (signal: InterruptSignal) => {
    removeAllNow();
    process.exit(INTERRUPT_EXIT_CODES[signal]);
  };
  const onSignal = (signal: InterruptSignal) => {
    if (received) {
      write(`${program}: ${signal} again: exiting now\n`);
      exitNow(received);
      return;
    }
    received = signal;
    write(`\n${program}: interrupted by ${signal}: stopping the running programs and removing the throwaway CA (no report is written)\n`);
    controller.abort(new InterruptedError(signal));
    grace = setTimeout(() => {
      write(`${program}: the run did not stop within ${graceMs} ms: exiting now\n`);
      exitNow(signal);
    }, graceMs);
  };
  const signals = Object.keys(INTERRUPT_EXIT_CODES) as InterruptSignal[];
  for (const signal of signals) process.on(signal, onSignal);
  return {
    signal: controller.signal,
    received: () => received,
    exitCode: () => (received ? INTERRUPT_EXIT_CODES[received] : undefined),
    setGraceMs(ms) {
      graceMs = ms;
    },
    stop() {
      for (const signal of signals) process.off(signal, onSignal);
      if (grace) clearTimeout(grace);
      release();
    },
  };
}

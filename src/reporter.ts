/**
 * How library code talks to the user without printing: the entry point passes a Reporter in.
 */
import type { Diagnostic } from './errors.js';

export interface Reporter {
  /** A line of normal output (stdout). */
  out(line: string): void;
  /** A notice or progress line (stderr). */
  info(line: string): void;
  /** A warning about a brief, printed like an error but not fatal. */
  warn(diagnostic: Diagnostic): void;
  /**
   * The state of one task (a deck in a batch): a live line on a terminal, plain lines elsewhere.
   * `final` marks the task's last state.
   */
  progress(key: string, line: string, final?: boolean): void;
}

export const silentReporter: Reporter = { out() {}, info() {}, warn() {}, progress() {} };

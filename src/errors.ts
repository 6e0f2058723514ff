/**
 * The one error type of mujaz. Library code throws it; only src/cli.ts prints it and picks the exit code.
 */
export type ErrorCode =
  | 'INVALID_INPUT' // a brief (or a file it names) is wrong: the user can fix it
  | 'USAGE' // the command line is wrong
  | 'BUILD_FAILED' // something outside the brief failed: browser, disk, fonts
  | 'NO_BROWSER' // no Chrome/Chromium to export with
  | 'INTERRUPTED'; // Ctrl-C

export type Severity = 'error' | 'warning';

/** One problem at a place in a file, printed as `file:line:col: message`, the line, and a caret. */
export interface Diagnostic {
  file: string;
  /** 1-based; 0 when the problem has no position (an unreadable file). */
  line: number;
  /** 1-based column, counted in characters (code points) of the line. */
  col: number;
  /** How many characters the caret underlines (at least 1). */
  length: number;
  severity: Severity;
  message: string;
  /** One sentence on how to fix it. */
  hint?: string;
  /** The source line the caret points into. */
  sourceLine?: string;
}

const EXIT_CODES: Record<ErrorCode, number> = {
  INVALID_INPUT: 1,
  BUILD_FAILED: 1,
  NO_BROWSER: 1,
  USAGE: 2,
  INTERRUPTED: 130,
};

export class MujazError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly diagnostics: readonly Diagnostic[];

  constructor(code: ErrorCode, message: string, options: { hint?: string; cause?: unknown; diagnostics?: readonly Diagnostic[] } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'MujazError';
    this.code = code;
    this.hint = options.hint;
    this.diagnostics = options.diagnostics ?? [];
  }

  get exitCode(): number {
    return EXIT_CODES[this.code];
  }
}

/** Formats a diagnostic the way compilers do, so editors and terminals can jump to it. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.col}` : d.file;
  const lines = [`${where}: ${d.severity}: ${d.message}`];
  if (d.sourceLine !== undefined && d.line > 0) {
    const gutter = String(d.line).padStart(5);
    lines.push(`${gutter} | ${d.sourceLine}`);
    const chars = Array.from(d.sourceLine);
    // Keep tabs in the padding so the caret lines up under tab-indented lines too.
    const pad = chars
      .slice(0, Math.max(0, d.col - 1))
      .map((c) => (c === '\t' ? '\t' : ' '))
      .join('');
    lines.push(`${' '.repeat(gutter.length)} | ${pad}${'^'.repeat(Math.max(1, d.length))}`);
  }
  if (d.hint) lines.push(`      = hint: ${d.hint}`);
  return lines.join('\n');
}

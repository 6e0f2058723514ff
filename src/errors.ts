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

/**
 * The characters a terminal acts on rather than shows: C0 controls but tab and line break, DEL and the C1
 * controls (ESC starts CSI and OSC sequences that move the cursor, clear the screen, hide text or retitle
 * the window; BEL ends an OSC; U+009B is a one-character CSI). Text from a file (a report's paragraph, a
 * brief's line, a file's name) may hold any of them.
 */
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** One character as printable() shows it: ESC as \x1b, a C1 control as \u009b. */
function escaped(c: string): string {
  const code = c.charCodeAt(0);
  return code < 0x80 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Any text made safe to print to a terminal: every control character a terminal would act on is shown
 * escaped (`\x1b`, `\x07`, `\r`), so what a hostile file holds is seen, never run. Tabs and line breaks
 * stay. Every line mujaz prints passes through it (src/cli.ts's reporter), and formatDiagnostic uses it to
 * keep the caret under the character it points at.
 */
export function printable(text: string): string {
  return text.replace(TERMINAL_CONTROLS, escaped);
}

/** Formats a diagnostic the way compilers do, so editors and terminals can jump to it. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.col}` : d.file;
  const lines = [`${printable(where)}: ${d.severity}: ${printable(d.message)}`];
  if (d.sourceLine !== undefined && d.line > 0) {
    const gutter = String(d.line).padStart(5);
    const chars = Array.from(d.sourceLine);
    lines.push(`${gutter} | ${chars.map(printable).join('')}`);
    // Keep tabs in the padding so the caret lines up under tab-indented lines too; a control character is
    // as wide as its escape, and the caret underlines the escape whole.
    const width = (c: string) => (c === '\t' ? 1 : printable(c).length);
    const pad = chars
      .slice(0, Math.max(0, d.col - 1))
      .map((c) => (c === '\t' ? '\t' : ' '.repeat(width(c))))
      .join('');
    const start = Math.max(0, d.col - 1);
    const length = Math.max(1, d.length);
    const span = chars.slice(start, start + length);
    const under = span.reduce((n, c) => n + width(c), 0) + (length - span.length);
    lines.push(`${' '.repeat(gutter.length)} | ${pad}${'^'.repeat(Math.max(1, under))}`);
  }
  if (d.hint) lines.push(`      = hint: ${printable(d.hint)}`);
  return lines.join('\n');
}

/**
 * The faults of issue 17 ("every failure fast, clear, and harmless to the last good deck") and of issue 28
 * ("reports from the web are hostile": odd files, characters and races refused fast and clearly), one row each:
 * the case, what is done to mujaz, and what must hold afterwards. tests/robustness/faults.test.ts checks
 * that every row is run: by a scenario of its own in that file (`where` is that file), or by a test in the
 * file `where` names, which names the row's `id` beside it. To add a fault: a row, then its scenario or test.
 *
 * What every CLI row holds besides its own: the previous deck hashes the same before and after, the
 * message arrives quickly (the times are measured and shown with MUJAZ_TEST_VERBOSE=1), no process of the
 * run is left, and its temporary folder (its own TMPDIR) is empty afterwards.
 */
export interface Fault {
  /** Short, unique; a test elsewhere that runs the row names it beside it (a comment `fault: ID`). */
  id: string;
  /** The issue the row comes from: 17 (the default) or 28. */
  issue?: 17 | 28;
  /** The item of its issue (issue 17: 1–10; issue 28: 1–6). */
  item: number;
  case: string;
  done: string;
  holds: string;
  /** The test file that runs it (from tests/). */
  where: string;
}

const HERE = 'robustness/faults.test.ts';

export const FAULTS: readonly Fault[] = [
  {
    id: 'kill-9-mid-build',
    item: 1,
    case: 'a build killed with kill -9 half-way through its export',
    done: 'build --handout over a previous deck; SIGKILL to the mujaz process while the handout prints; build again at once',
    holds:
      'the killed build left the previous deck; the next build does not wait on the dead lock (exit 0, no "still running"), removes the killed build\'s Chromium profile and staging folder, and writes the same bytes',
    where: HERE,
  },
  {
    id: 'browser-exits-at-once',
    item: 2,
    case: 'a browser that exits at once (/bin/false)',
    done: 'PUPPETEER_EXECUTABLE_PATH=/bin/false build',
    holds: 'exit 1 within a second or two (bound 10 s): "does not start: it exited with code 1", what to do; no "did not answer", no hang',
    where: HERE,
  },
  {
    id: 'browser-missing-library',
    item: 2,
    case: 'a browser missing a shared library',
    done: 'a script that prints "error while loading shared libraries: libnss3.so" on stderr and exits 127',
    holds: "exit 1 within a second or two, the browser's own words in the message, the hint names chromium and PUPPETEER_EXECUTABLE_PATH",
    where: HERE,
  },
  {
    id: 'browser-dies-after-a-second',
    item: 2,
    case: 'a browser that dies after a second',
    done: 'a script that sleeps 1 s, prints on stderr, exits 133',
    holds: 'exit 1 soon after it died, its words in the message, no "Protocol error … Target closed"',
    where: HERE,
  },
  {
    id: 'no-browser-touches-nothing',
    item: 3,
    case: 'a browser path that does not exist',
    done: 'build --browser /nonexistent over a previous deck with its PDFs',
    holds: 'exit 1, NO_BROWSER message; the previous deck (HTML and PDFs) byte for byte',
    where: 'browser/find.test.ts',
  },
  {
    id: 'lying-images',
    item: 4,
    case: 'images that lie about what they are (HTML as logo.png, SVG as logo.webp, a 30000×30000 PNG)',
    done: 'check and build briefs naming them',
    holds: "refused at the logo's line by their bytes (kind, size, pixels), before anything is copied",
    where: 'brief/images.test.ts',
  },
  {
    id: 'utf16-report',
    item: 5,
    case: 'a report in UTF-16, with or without a byte-order mark',
    done: 'check a brief whose source.file is UTF-16',
    holds: 'refused as UTF-16 at source.file',
    where: 'brief/images.test.ts',
  },
  {
    id: 'long-word-html-only',
    item: 6,
    case: 'a word of 1,200 letters in an HTML-only build',
    done: 'build --no-pdf a brief with one',
    holds: "exit 1 naming its YAML line and the word's length, as the PDF build does; the previous deck unchanged",
    where: HERE,
  },
  {
    id: 'long-word-pdf',
    item: 6,
    case: 'the same word in a PDF build',
    done: 'build it',
    holds: 'the same message at the same line',
    where: HERE,
  },
  {
    id: 'long-word-preview',
    item: 6,
    case: 'the same word in the preview',
    done: 'serve it; open the live-reload channel',
    holds: "the problem at its line, in the terminal and on the page's channel",
    where: HERE,
  },
  {
    id: 'chromium-files-inside-profile',
    item: 7,
    case: "Chromium's own files (org.chromium.Chromium.*, ~/.config)",
    done: 'build --handout with its own TMPDIR and HOME',
    holds: 'TMPDIR empty, no ~/.config afterwards',
    where: 'browser/launch.test.ts',
  },
  {
    id: 'sighup',
    item: 7,
    case: 'a closed terminal (SIGHUP) during the export',
    done: 'SIGHUP to the process group half-way',
    holds: 'exit 130, no Chromium, no temporary folder, the previous deck intact',
    where: 'pdf/faults.test.ts',
  },
  {
    id: 'tmpdir-read-only',
    item: 8,
    case: 'TMPDIR on a read-only file system (a read-only bind mount; skipped where mount is not allowed)',
    done: 'build (PDF) with it',
    holds: 'exit 1: "…temporary folder … is on a read-only file system", hint: set TMPDIR to a writable folder; no "unexpected error"',
    where: HERE,
  },
  {
    id: 'tmpdir-missing',
    item: 8,
    case: 'TMPDIR naming a folder that does not exist',
    done: 'build (PDF), and serve, with it',
    holds: 'exit 1: "… does not exist", hint: set TMPDIR; the folder is not made',
    where: HERE,
  },
  {
    id: 'tmpdir-a-file',
    item: 8,
    case: 'TMPDIR naming a file',
    done: 'build (PDF) with it',
    holds: 'exit 1: "… is not a folder", hint: set TMPDIR; the file unchanged',
    where: HERE,
  },
  {
    id: 'full-disk-html-only',
    item: 8,
    case: 'a full disk while an HTML-only build copies its assets (tmpfs; skipped where mount is not allowed)',
    done: 'build --no-pdf onto a tmpfs with room for less than the assets',
    holds: 'exit 1: "the disk is full", hint: free some disk space (not npm run setup); the previous deck intact, the space given back',
    where: HERE,
  },
  {
    id: 'full-disk-pdf',
    item: 8,
    case: 'a full disk while the PDF is written',
    done: 'build onto a tmpfs with room for the HTML only',
    holds: 'exit 1: "the disk is full"; no half-written PDF; the previous deck intact',
    where: 'pdf/faults.test.ts',
  },
  {
    id: 'preview-framed',
    item: 9,
    case: 'the preview in a frame of another site',
    done: 'GET / from serve',
    holds: "X-Frame-Options: DENY and frame-ancestors 'none'",
    where: 'serve/serve.test.ts',
  },
  {
    id: 'preview-symlinks',
    item: 9,
    case: 'symbolic links in the served folder (to /etc/passwd, to /etc, a loop, one inside)',
    done: 'real HTTP requests to the preview server serving such a folder',
    holds: "404 for each; the linked files' bytes never sent",
    where: HERE,
  },
  {
    id: 'preview-index-link',
    item: 9,
    case: "the served deck's index.html replaced by a link to a file outside",
    done: 'mujaz serve; replace index.html by a link; GET /',
    holds: '404, not the linked file',
    where: HERE,
  },
  {
    id: 'impossible-dates',
    item: 10,
    case: 'dates that cannot be right (a year before 1900: 0001-01-01, 1439-01-18)',
    done: 'check a brief with one',
    holds: 'refused at event.date, the hint names event.hijri',
    where: 'deck/events.test.ts',
  },
  {
    id: 'terminal-escapes',
    issue: 28,
    item: 1,
    case: 'terminal escapes in a report paragraph (OSC retitle ending in BEL, CSI clear screen, CSI hide, a C1 CSI) and a raw ESC in a brief line',
    done: 'check and build --no-pdf a brief whose claim warning quotes that paragraph; check a brief with an ESC in its title',
    holds:
      'no control character a terminal acts on in stdout or stderr: each shown escaped (\\x1b, \\x07, \\u009b), the caret still under the character it names',
    where: HERE,
  },
  {
    id: 'init-from-not-a-file',
    issue: 28,
    item: 2,
    case: 'init --from a FIFO (no writer: a read never returns), /dev/zero (endless), a 1.5 GB sparse file, a folder',
    done: 'mujaz init SLUG --from each (the real executable, each bounded); check a brief that is a FIFO and one whose theme is',
    holds:
      'exit 2 (1 for the large file) at once, saying what it is: "a named pipe (FIFO)", "a character device", "1.5 GiB, more than the limit of 2 MiB", "a folder"; nothing written',
    where: HERE,
  },
  {
    id: 'init-from-binary',
    issue: 28,
    item: 2,
    case: 'init --from a PNG, a PDF, a Word file (ZIP)',
    done: 'mujaz init SLUG --from each',
    holds: 'exit 1 naming what it is ("a PNG image", "a PDF document", "a ZIP archive"), never "UTF-16"; nothing written',
    where: HERE,
  },
  {
    id: 'nul-in-utf8',
    issue: 28,
    item: 2,
    case: 'one NUL byte in UTF-8 text: in the first 4 KiB and after it, of a report, a brief and a theme',
    done: 'check a brief naming such a report, such a brief, a brief naming such a theme; init --from such a report',
    holds: 'refused, the NUL named as such at its line and column (the report at source.file, with its own line:col), never "UTF-16"',
    where: 'robustness/encodings.test.ts',
  },
  {
    id: 'init-dir-a-file',
    issue: 28,
    item: 3,
    case: 'init --dir naming a file',
    done: 'mujaz init SLUG --dir FILE',
    holds: 'exit 2: "--dir FILE is a file, not a folder" (not "already exists"); the file unchanged',
    where: HERE,
  },
  {
    id: 'init-long-report',
    issue: 28,
    item: 3,
    case: 'a report within its limit (2 MiB) whose paragraphs, listed whole, make a brief over the 512 KiB limit of a brief; one too many paragraphs even for a short listing',
    done: 'init --from each; check the brief written',
    holds:
      'the first: a brief under the limit (each paragraph listed by its start), which check refuses for its placeholders only; the second: refused up front, saying why, nothing written, no "then: mujaz serve"',
    where: HERE,
  },
  {
    id: 'hidden-characters',
    issue: 28,
    item: 4,
    case: 'invisible characters beyond the zero-width ones in a name: a tag character U+E0041, U+2063, U+180E, U+3164, U+034F, a soft hyphen, the Arabic letter mark, a variation selector',
    done: 'check a brief with one in a name (one list: Unicode default-ignorable and format characters, checked against Unicode itself)',
    holds:
      'refused at its line and column, the character named ("an invisible character, U+E0041 TAG "A""); in free text the joiners a script needs stay allowed',
    where: 'brief/characters.test.ts',
  },
  {
    id: 'lone-surrogates',
    issue: 28,
    item: 4,
    case: 'a lone surrogate written as a YAML escape ("\\uD800") in a title or a name',
    done: 'check a brief with one',
    holds: 'refused at its line as "a lone surrogate"; a whole pair ("\\uD83C\\uDF0D") passes',
    where: 'brief/characters.test.ts',
  },
  {
    id: 'logo-swapped-after-check',
    issue: 28,
    item: 5,
    case: "a logo replaced by a link to a file outside (a marker file) after the brief's check, before the deck is written",
    done: 'load the brief (the check); swap the logo for the link; write the assets as the build does',
    holds: "the deck's logo is the bytes that were checked; the marker is never copied",
    where: HERE,
  },
  {
    id: 'logo-flipping-during-builds',
    issue: 28,
    item: 5,
    case: 'a logo flipping, as fast as a shell can, between a real PNG and a link to a file outside (a marker file)',
    done: 'build --no-pdf again and again while it flips',
    holds: "no build exits 0 with the marker copied: each refuses the link at the logo's line or copies the real PNG",
    where: HERE,
  },
  {
    id: 'preview-fifo-and-folder-link',
    issue: 28,
    item: 5,
    case: "a FIFO in the served deck's folder; the deck's folder itself replaced by a link to a folder outside",
    done: 'real HTTP requests to the preview server',
    holds: 'the FIFO: 404 at once, the server still answering; the folder link: 404, the outside files never sent',
    where: HERE,
  },
  {
    id: 'footer-too-long',
    issue: 28,
    item: 6,
    case: "a valid 199-character author, and a theme's footer as long, too wide for the footer of every slide",
    done: 'build (PDF) a brief with each',
    holds: 'exit 1 naming `author` at its line in the brief, or `footer` at its line in the theme file; never another field (today: technologies.intro)',
    where: HERE,
  },
  {
    id: 'handout-long-paragraph',
    issue: 28,
    item: 6,
    case: 'a cited paragraph of 2 MiB (a report pasted as one line) in build --handout',
    done: 'build --handout a brief citing it',
    holds:
      'the handout fits it: the quote cut at 2,000 characters with a note that the whole is in the report; exit 0 within the usual time (today: a print that times out after ~34 s)',
    where: HERE,
  },
];

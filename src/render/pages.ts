/** The pages a build writes into the deck's folder besides index.html: only the PDFs' sources, removed once printed. */

/** The deck's slides laid out as reveal's print view, with no script (templates/print.hbs). */
export const PRINT_PAGE = 'print.html';
/** The notes handout (templates/handout.hbs). */
export const HANDOUT_FILE = 'handout.html';
/** The handout's marking (a theme's), beside it while it prints. */
export const HANDOUT_MARKING = 'handout-marking.css';
/**
 * The window the print page is shown in: it is laid out at fixed sizes, whatever the window, so the window
 * is kept tiny and Chromium paints almost nothing on screen (about a tenth of a batch's time); the PDF is the
 * same to the byte (tests/pdf/export.test.ts compares it with reveal's own print view).
 */
export const PRINT_VIEWPORT = { width: 16, height: 16 } as const;

/**
 * In the pages printed to PDF, the page furniture (a slide's running footer, number, footer logo and marking)
 * is an image named this (`role="img"`, templates/partials/slide.hbs): Chromium tags it as a Figure with this
 * /Alt, its text still tagged inside (so the PDF's text is put in order as any other), and the PDF stage turns
 * each such Figure into artifacts and takes it out of the structure tree (src/pdf/ua/). Never read by anyone.
 */
export const FURNITURE_LABEL = 'mujaz:page-furniture';

/** The library API of mujaz: the core, the pipeline's stages, and the browser, for use without the command line. */
export { buildOne, type BuildOneOptions } from './core/build-one.js';
export { Core, type CoreOptions } from './core/core.js';
export type { BuildOptions } from './core/options.js';
export { OUTPUTS, type Output, type OutputOptions } from './outputs/index.js';
export type { BuildResult } from './core/pipeline.js';
export type { Outcome } from './core/results.js';
export { Browser, type BrowserOptions } from './browser/browser.js';
export { loadBrief, loadBriefText, type LoadedBrief } from './brief/load.js';
export { Brief, briefJsonSchema } from './brief/schema.js';
export { buildDeck, type DeckOptions } from './deck/build-deck.js';
export { KINDS } from './deck/kinds/index.js';
export type { Deck, Slide, SlideKind } from './deck/model.js';
export { fit, estimated, type Measure, type Overflow } from './fit/fit.js';
export { renderDeck } from './render/render.js';
export { printPdf } from './pdf/print.js';
export { MujazError, formatDiagnostic, type Diagnostic, type ErrorCode } from './errors.js';
export { silentReporter, type Reporter } from './reporter.js';

/** The library API of mujaz: the pipeline's stages, for use without the command line. */
export { buildOne, type BuildOptions, type BuildResult } from './build.js';
export { loadBrief, loadBriefText, type LoadedBrief } from './brief/load.js';
export { Brief, briefJsonSchema } from './brief/schema.js';
export { buildDeck, type DeckOptions } from './deck/build-deck.js';
export type { Deck, Slide } from './deck/model.js';
export { renderDeck } from './render/render.js';
export { MujazError, formatDiagnostic, type Diagnostic, type ErrorCode } from './errors.js';

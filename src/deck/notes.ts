/**
 * The speaker notes as printed (the notes handout, the PowerPoint's notes pages): a paragraph an earlier slide
 * already has is not repeated (the title and the overview share the event's notes, the overview adding the
 * participants' of its own; a continuation shares its group's), so the reader reads each once, where it first
 * comes. The deck keeps them on every slide, for the presenter's view of each.
 */
import type { Slide } from './model.js';
import type { Rich } from './text.js';

export function notesOnce(slides: readonly Pick<Slide, 'notes'>[]): Rich[][] {
  const said = new Set<string>();
  return slides.map((slide) =>
    slide.notes.filter((paragraph) => {
      const key = paragraph.map((r) => r.text).join('');
      if (said.has(key)) return false;
      said.add(key);
      return true;
    }),
  );
}

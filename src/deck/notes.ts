/**
 * The speaker notes as printed (the notes handout, the PowerPoint's notes pages): notes an earlier slide already
 * has are not repeated (the title and the overview share the event's notes, a continuation its group's), so
 * the reader reads them once, where they first come. The deck keeps them on every slide, for the presenter's
 * view of each.
 */
import type { Slide } from './model.js';
import type { Rich } from './text.js';

export function notesOnce(slides: readonly Pick<Slide, 'notes'>[]): Rich[][] {
  const said = new Set<string>();
  return slides.map((slide) => {
    const key = slide.notes.map((n) => n.map((r) => r.text).join('')).join('\n');
    if (key === '' || said.has(key)) return [];
    said.add(key);
    return slide.notes;
  });
}

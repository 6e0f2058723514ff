/** The conclusions the participants shared. */
import type { Item } from '../view.js';
import { allSources, defineKind, lines, POINT_CLAIMS, POINT_SPACE } from './kind.js';

export interface ConclusionsBody {
  points: Item[];
}

export const conclusions = defineKind<ConclusionsBody>()({
  kind: 'conclusions',
  reads: ['conclusions'],
  scaffold: 'conclusions',
  labels: { ar: { conclusions: 'الخلاصات المشتركة' }, en: { conclusions: 'Shared conclusions' } },
  slides(ctx) {
    const co = ctx.brief.conclusions;
    if (!co) return;
    ctx.add({
      group: 'conclusions',
      title: co.heading ?? ctx.labels.conclusions,
      notes: co.notes,
      sources: allSources(...co.points.map((p) => p.sources)),
      list: co.points,
      weight: (p) => lines(p.text) + POINT_SPACE,
      reserved: 0,
      origins: (_p, j) => [['conclusions', 'points', j, 'text']],
      body: (chunk) => ({ points: chunk.map((p) => ctx.item(p)) }),
    });
  },
  citable: (brief) => (brief.conclusions?.points ?? []).map((p, j) => ({ path: ['conclusions', 'points', j], sources: p.sources, claims: POINT_CLAIMS })),
  notes: (brief) => (brief.conclusions ? [{ path: ['conclusions'], notes: brief.conclusions.notes, name: 'the conclusions slide' }] : []),
});

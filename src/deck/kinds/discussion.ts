/** The discussion: an optional intro, then its topics, each with the regions the report names under it. */
import type { Topic } from '../../brief/schema.js';
import { discussionInLine } from '../programme.js';
import type { Rich } from '../text.js';
import type { Item } from '../view.js';
import { allSources, type ClaimFields, defineKind, INTRO_SPACE, lines } from './kind.js';

export interface TopicView extends Item {
  regions: Rich[];
  regionsLabel: string;
}

export interface DiscussionBody {
  intro: Rich | null;
  topics: TopicView[];
}

/** The space between two topics; the line of region chips under a topic. */
const TOPIC_SPACE = 0.27;
const REGIONS_LINE = 0.9;

/** A topic's text, and the regions it names, each a place. */
const TOPIC_CLAIMS = { text: 'text', regions: 'place' } as const satisfies ClaimFields<Topic>;

export const discussion = defineKind<DiscussionBody>()({
  kind: 'discussion',
  reads: ['discussion'],
  scaffold: 'discussion',
  labels: { ar: { discussion: 'محاور النقاش', regions: 'المناطق' }, en: { discussion: 'Discussion topics', regions: 'Regions' } },
  slides(ctx) {
    const di = ctx.brief.discussion;
    // One short topic is the programme's last line (../programme.ts discussionInLine).
    if (!di || discussionInLine(ctx.brief, ctx.programme().listed)) return;
    ctx.add({
      group: 'discussion',
      title: di.heading ?? ctx.labels.discussion,
      notes: di.notes,
      sources: allSources(...di.topics.map((t) => t.sources)),
      list: di.topics,
      weight: (t) => lines(t.text) + (t.regions ? REGIONS_LINE : 0) + TOPIC_SPACE,
      reserved: di.intro ? lines(di.intro) + INTRO_SPACE : 0,
      origins: (_t, j) => [['discussion', 'topics', j, 'text']],
      fixed: [['discussion', 'intro']],
      body: (chunk, first) => ({
        intro: first ? ctx.maybe(di.intro) : null,
        topics: chunk.map((t) => ({ ...ctx.item(t), regions: (t.regions ?? []).map((r) => ctx.rich(r)), regionsLabel: ctx.labels.regions })),
      }),
    });
  },
  citable: (brief) => (brief.discussion?.topics ?? []).map((t, j) => ({ path: ['discussion', 'topics', j], sources: t.sources, claims: TOPIC_CLAIMS })),
  notes: (brief) => (brief.discussion ? [{ path: ['discussion'], notes: brief.discussion.notes, name: 'the discussion slide' }] : []),
});

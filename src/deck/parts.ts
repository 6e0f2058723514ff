/**
 * A person's part in the event (src/brief/schema.ts PARTS), in words: as the heading of a group of people
 * on a slide ("Panellists"), and as what their messages are ("Keynote: …").
 */
import type { Part } from '../brief/schema.js';
import type { Lang } from './kinds/kind.js';

interface PartWords {
  /** The heading over the people of this part. */
  group: string;
  /** What their messages are, in a slide's heading. */
  messages: string;
}

const AR: Record<Part | 'none', PartWords> = {
  patron: { group: 'بحضور', messages: 'كلمة راعي الحدث' },
  opening: { group: 'الكلمة الافتتاحية', messages: 'الكلمة الافتتاحية' },
  welcome: { group: 'كلمة الترحيب', messages: 'كلمة الترحيب' },
  keynote: { group: 'المتحدث الرئيسي', messages: 'الكلمة الرئيسية' },
  chair: { group: 'رئاسة الجلسة', messages: 'مداخلة رئيس الجلسة' },
  moderator: { group: 'إدارة الجلسة', messages: 'مداخلة مدير الجلسة' },
  presenter: { group: 'تقديم العرض', messages: 'عرض' },
  panellist: { group: 'المشاركون في الحلقة', messages: 'مداخلة' },
  speaker: { group: 'المتحدثون', messages: 'الرسائل الرئيسية' },
  closing: { group: 'الكلمة الختامية', messages: 'الكلمة الختامية' },
  rapporteur: { group: 'المقرر', messages: 'تقرير المقرر' },
  none: { group: 'المتحدثون', messages: 'الرسائل الرئيسية' },
};

const EN: Record<Part | 'none', PartWords> = {
  patron: { group: 'In the presence of', messages: 'Address' },
  opening: { group: 'Opening', messages: 'Opening remarks' },
  welcome: { group: 'Welcome', messages: 'Welcome' },
  keynote: { group: 'Keynote speaker', messages: 'Keynote' },
  chair: { group: 'Chair', messages: "Chair's remarks" },
  moderator: { group: 'Moderator', messages: "Moderator's remarks" },
  presenter: { group: 'Presenter', messages: 'Presentation' },
  panellist: { group: 'Panellists', messages: 'Panel remarks' },
  speaker: { group: 'Speakers', messages: 'Key messages' },
  closing: { group: 'Closing', messages: 'Closing remarks' },
  rapporteur: { group: 'Rapporteur', messages: "Rapporteur's report" },
  none: { group: 'Speakers', messages: 'Key messages' },
};

/** The order groups of people are shown in: who opened the event first, who closed it last. */
export const PART_ORDER: readonly (Part | 'none')[] = [
  'patron',
  'opening',
  'welcome',
  'keynote',
  'chair',
  'moderator',
  'presenter',
  'panellist',
  'speaker',
  'none',
  'closing',
  'rapporteur',
];

export function partWords(lang: Lang, part: Part | undefined): PartWords {
  return (lang === 'ar' ? AR : EN)[part ?? 'none'];
}

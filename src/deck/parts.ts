/**
 * A person's part in the event (src/brief/schema.ts PARTS), in words: as the heading of a group of people
 * on a slide ("Panellists"), and as what their messages are ("Keynote: …").
 */
import type { Part } from '../brief/schema.js';
import type { Lang } from './kinds/kind.js';

interface PartWords {
  /**
   * The heading over the people of this part, by how many they are: one, two, three or more (Arabic nouns
   * and adjectives agree in number: «المتحدث»، «المتحدثان»، «المتحدثون»); null for people whose part the
   * report does not give, who get no heading.
   */
  group: readonly [string, string, string] | null;
  /** What their messages are, in a slide's heading. */
  messages: string;
}

const same = (label: string) => [label, label, label] as const;

const AR: Record<Part | 'none', PartWords> = {
  patron: { group: same('بحضور'), messages: 'كلمة راعي الحدث' },
  opening: { group: ['الكلمة الافتتاحية', 'الكلمتان الافتتاحيتان', 'الكلمات الافتتاحية'], messages: 'الكلمة الافتتاحية' },
  welcome: { group: ['كلمة الترحيب', 'كلمتا الترحيب', 'كلمات الترحيب'], messages: 'كلمة الترحيب' },
  keynote: { group: ['المتحدث الرئيسي', 'المتحدثان الرئيسيان', 'المتحدثون الرئيسيون'], messages: 'الكلمة الرئيسية' },
  chair: { group: same('رئاسة الجلسة'), messages: 'مداخلة رئيس الجلسة' },
  moderator: { group: same('إدارة الجلسة'), messages: 'مداخلة مدير الجلسة' },
  presenter: { group: ['تقديم العرض', 'تقديم العرضين', 'تقديم العروض'], messages: 'عرض' },
  panellist: { group: ['المشارك في الحلقة', 'المشاركان في الحلقة', 'المشاركون في الحلقة'], messages: 'مداخلة' },
  speaker: { group: ['المتحدث', 'المتحدثان', 'المتحدثون'], messages: 'الرسائل الرئيسية' },
  closing: { group: ['الكلمة الختامية', 'الكلمتان الختاميتان', 'الكلمات الختامية'], messages: 'الكلمة الختامية' },
  rapporteur: { group: ['المقرر', 'المقرران', 'المقررون'], messages: 'تقرير المقرر' },
  none: { group: null, messages: 'الرسائل الرئيسية' },
};

const EN: Record<Part | 'none', PartWords> = {
  patron: { group: same('In the presence of'), messages: 'Address' },
  opening: { group: same('Opening remarks'), messages: 'Opening remarks' },
  welcome: { group: same('Welcome remarks'), messages: 'Welcome remarks' },
  keynote: { group: ['Keynote speaker', 'Keynote speakers', 'Keynote speakers'], messages: 'Keynote' },
  chair: { group: ['Chair', 'Chairs', 'Chairs'], messages: "Chair's remarks" },
  moderator: { group: ['Moderator', 'Moderators', 'Moderators'], messages: "Moderator's remarks" },
  presenter: { group: ['Presenter', 'Presenters', 'Presenters'], messages: 'Presentation' },
  panellist: { group: ['Panellist', 'Panellists', 'Panellists'], messages: 'Panel remarks' },
  speaker: { group: ['Speaker', 'Speakers', 'Speakers'], messages: 'Key messages' },
  closing: { group: same('Closing remarks'), messages: 'Closing remarks' },
  rapporteur: { group: ['Rapporteur', 'Rapporteurs', 'Rapporteurs'], messages: "Rapporteur's report" },
  none: { group: null, messages: 'Key messages' },
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

/** Of a word's forms for one, two, and three or more, the one in number with `count`. */
export function inNumber<T>(forms: readonly [T, T, T], count: number): T {
  return forms[count <= 1 ? 0 : count === 2 ? 1 : 2];
}

/** The heading over `count` people of this part, in number with them; null for people without a part. */
export function groupLabel(lang: Lang, part: Part | undefined, count: number): string | null {
  const forms = partWords(lang, part).group;
  return forms === null ? null : inNumber(forms, count);
}

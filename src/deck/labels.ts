/** The words the deck adds around the brief's own text, per language: the deck's own, and each kind's. */
import type { CommonLabels, Lang } from './kinds/kind.js';
import { kindsLabels, type KindsLabels } from './kinds/index.js';

interface DeckLabels extends CommonLabels {
  /** The marking of a brief that is still a draft (`draft: true`), on every slide and page. */
  draft: string;
  continued: string;
  of: string;
  notesHeading: string;
  handoutCited: string;
  /** reveal's controls and live region, read aloud by screen readers. */
  controls: { prev: string; next: string; up: string; down: string; region: string; progress: string };
}

export type Labels = DeckLabels & KindsLabels;

const ar: DeckLabels = {
  draft: 'مسودة',
  reportGap: 'ملاحظة على التقرير',
  paragraph: 'الفقرة',
  paragraphs: 'الفقرات',
  continued: 'تابع',
  of: 'من',
  notesHeading: 'ملاحظات المتحدث',
  handoutCited: 'من نص التقرير',
  controls: {
    prev: 'الشريحة السابقة',
    next: 'الشريحة التالية',
    up: 'إلى الأعلى',
    down: 'إلى الأسفل',
    region: 'عرض تقديمي',
    progress: 'التقدم في العرض',
  },
  listSeparator: '، ',
};

const en: DeckLabels = {
  draft: 'Draft',
  reportGap: 'Note on the report',
  paragraph: 'Paragraph',
  paragraphs: 'Paragraphs',
  continued: 'continued',
  of: 'of',
  notesHeading: 'Speaker notes',
  handoutCited: 'From the report',
  controls: { prev: 'Previous slide', next: 'Next slide', up: 'Up', down: 'Down', region: 'Presentation', progress: 'Progress' },
  listSeparator: ', ',
};

const cache = new Map<Lang, Labels>();

export function labelsFor(lang: Lang): Labels {
  let labels = cache.get(lang);
  if (!labels) {
    labels = { ...kindsLabels(lang), ...(lang === 'ar' ? ar : en) };
    cache.set(lang, labels);
  }
  return labels;
}

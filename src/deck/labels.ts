/** The words the deck adds around the brief's own text, per language. */
export interface Labels {
  overview: string;
  date: string;
  dateUnknown: string;
  venue: string;
  format: string;
  themes: string;
  host: string;
  reportGap: string;
  participants: string;
  moderator: string;
  joined: string;
  attendees: string;
  messages: string;
  discussion: string;
  regions: string;
  technologies: string;
  conclusions: string;
  sources: string;
  report: string;
  citedParagraphs: string;
  paragraph: string;
  paragraphs: string;
  continued: string;
  of: string;
  slide: string;
  notesHeading: string;
  handoutCited: string;
  /** reveal's controls and live region, read aloud by screen readers. */
  controls: { prev: string; next: string; up: string; down: string; region: string; progress: string };
  listSeparator: string;
}

const ar: Labels = {
  overview: 'نظرة عامة',
  date: 'التاريخ',
  dateUnknown: 'غير مذكور في التقرير',
  venue: 'المكان',
  format: 'الصيغة',
  themes: 'المحاور',
  host: 'الجهة المضيفة',
  reportGap: 'ملاحظة على التقرير',
  participants: 'المشاركون وإدارة الجلسة',
  moderator: 'إدارة الجلسة',
  joined: 'انضم إلى النقاش',
  attendees: 'الحضور',
  messages: 'الرسائل الرئيسية',
  discussion: 'محاور النقاش',
  regions: 'المناطق',
  technologies: 'مخاوف التقنيات الناشئة',
  conclusions: 'الخلاصات المشتركة',
  sources: 'المصادر',
  report: 'التقرير',
  citedParagraphs: 'الفقرات المستشهد بها',
  paragraph: 'الفقرة',
  paragraphs: 'الفقرات',
  continued: 'تابع',
  of: 'من',
  slide: 'الشريحة',
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

const en: Labels = {
  overview: 'Overview',
  date: 'Date',
  dateUnknown: 'not given in the report',
  venue: 'Venue',
  format: 'Format',
  themes: 'Themes',
  host: 'Host',
  reportGap: 'Note on the report',
  participants: 'Participants and moderation',
  moderator: 'Moderator',
  joined: 'Joined the discussion',
  attendees: 'Attendees',
  messages: 'Key messages',
  discussion: 'Discussion topics',
  regions: 'Regions',
  technologies: 'Emerging-technology concerns',
  conclusions: 'Shared conclusions',
  sources: 'Sources',
  report: 'Report',
  citedParagraphs: 'Paragraphs cited',
  paragraph: 'Paragraph',
  paragraphs: 'Paragraphs',
  continued: 'continued',
  of: 'of',
  slide: 'Slide',
  notesHeading: 'Speaker notes',
  handoutCited: 'From the report',
  controls: { prev: 'Previous slide', next: 'Next slide', up: 'Up', down: 'Down', region: 'Presentation', progress: 'Progress' },
  listSeparator: ', ',
};

export function labelsFor(lang: 'ar' | 'en'): Labels {
  return lang === 'ar' ? ar : en;
}

/**
 * The words the drafter reads a report by (../shared/docs/drafting.md): titles before a name, posts after it,
 * the wording of each part in the event, the verbs that attribute a statement, the kinds of event and how a
 * report says who organised it. Each word in the one form of src/lint/normalise.ts, without the conjunction
 * و/ف (the drafter takes that off before comparing); Arabic cue words keep their prepositions («بإدارة»), so
 * «إدارة» alone, as in «مجلس إدارة المعهد», is no cue.
 */
import type { Part } from '../brief/schema.js';
import { normalise } from '../lint/normalise.js';
import { TITLES as CHECK_TITLES, GREGORIAN_MONTH_WORDS, LEVANTINE_MONTHS } from '../lint/words.js';

const list = (words: string): Set<string> => new Set(words.split(/\s+/).filter(Boolean).map(normalise));

/** Titles before an Arabic name: the claim check's (with their article), and those written without one. */
export const AR_TITLES = new Set([
  ...CHECK_TITLES,
  ...list(
    `د دكتور دكتورة معالي سعادة سمو فضيلة صاحب الباحث الباحثة الأستاذ الأستاذة النائب العقيد الركن الفريق أول المهندسة المستشارة القاضية المحامي المحامية`,
  ),
]);
/** Words that may follow a title and belong to it: «اللواء المتقاعد», «العميد الركن». */
export const AR_TITLE_MORE = list(`المتقاعد الركن الطيار البحري أول`);

/** Posts (bare: no article, no clitic), which end a name and open a role: «…، المدير العام للمعهد». */
export const AR_POSTS = list(`
  مدير مديرة رئيس رئيسة عميد عميدة وكيل وكيلة نائب أمين مشرف مشرفة مستشار مستشارة أستاذ أستاذة عضو عضوة
  سفير سفيرة وزير وزيرة محافظ قائد متحدث منسق منسقة خبير خبيرة باحث باحثة ممثل ممثلة مساعد مندوب مندوبة
  المدير المديرة الرئيس الرئيسة العميد الوكيل النائب الأمين المشرف المستشار الأستاذ العضو السفير الوزير
  المحافظ القائد المتحدث المنسق الخبير الباحث الممثل المساعد المندوب كبير كبيرة رئيسة مؤسس مؤسسة المؤسس
`);

/** Words between names that join one name: «بن», «آل», «أبو», «دي». */
export const AR_NAME_JOINERS = list(`بن بنت ابن آل أبو ابو أبي دي دا فان فون`);

/** Arabic words never a name's first word after a title. */
export const AR_NOT_NAMES = list(`
  الذي التي الذين كلمة كلمته كلمتها الجلسة عرضا ورقة المشارك المشاركين أهمية أن إن على إلى في من عن
  يوم اليوم أمس غدا الضوء
`);

/** An Arabic part cue: the words (in order, conjunction off) and the part they give; null: no part. */
export interface Cue {
  words: string[];
  part: Part | null;
}

const cues = (part: Part | null, phrases: string): Cue[] =>
  phrases
    .split('|')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ words: p.split(/\s+/).map(normalise), part }));

/** Arabic cues, longest first where they share a word. */
export const AR_CUES: readonly Cue[] = [
  ...cues('keynote', 'الكلمة الرئيسية|كلمة رئيسية|المتحدث الرئيسي|المتحدث الرئيس|المتحدثة الرئيسية|المحاضر الرئيسي|المحاضرة الرئيسية|كلمته الرئيسية'),
  ...cues('welcome', 'كلمته الترحيبية|كلمتها الترحيبية|الكلمة الترحيبية|كلمة ترحيبية'),
  ...cues('opening', 'الكلمة الافتتاحية|كلمة افتتاحية|كلمته الافتتاحية|افتتح|افتتحت|افتتحها|افتتح الندوة'),
  ...cues('closing', 'الكلمة الختامية|كلمة ختامية|اختتم|اختتمت|اختتمها|واختتم'),
  ...cues('chair', 'ترأس|ترأست|ترأسها|ترأسه|برئاسة|يترأس|تترأس'),
  ...cues('moderator', 'أدار|أدارت|أدارها|أدارتها|ادارها|ادار|بإدارة|بادارة|يدير|ليدير|تدير|تديرها|يديرها'),
  ...cues('presenter', 'قدم ورقة|قدمت ورقة|قدم عرضا|قدمت عرضا|قدم بحثا|قدمت بحثا|قدم محاضرة|قدمت محاضرة|ألقى محاضرة|ألقت محاضرة|قدمها|قدمتها'),
  ...cues(
    'speaker',
    'تحدث|تحدثت|يتحدث|تكلم|ألقى كلمة|ألقت كلمة|قدم كلمة|قدمت كلمة|شارك في الندوة|شاركت في الندوة|شارك في الجلسة|شارك في المؤتمر|شارك في الورشة|شارك في الحلقة|شارك فيها',
  ),
  // («برعاية», «تحت رعاية»: under someone's patronage, who need not be there: no part, the analyst's to give.)
  ...cues('patron', 'بحضور'),
  ...cues(null, 'برعاية|تحت رعاية|ورعاية'),
  ...cues('rapporteur', 'مقرر الجلسة|مقررة الجلسة|ومقررها|مقررها|بمقررية'),
  ...cues(
    null,
    `أكد|أكدت|أشار|أشارت|قال|قالت|أوضح|أوضحت|شدد|شددت|دعا|دعت|لفت|لفتت|حذر|حذرت|أضاف|أضافت|تناول|تناولت|سلط|سلطت|نوه|نوهت|
     عرض|عرضت|استعرض|استعرضت|ضم|ضمت|حضر|حضرت|انضم|انضمت|شارك|شاركت|شاركوا|ناقش|ناقشت|رحب|رحبت|اعتبر|اعتبرت|طالب|طالبت|أبرز|أبرزت|
     قدم|قدمت|وفد|الوفد`,
  ),
].sort((a, b) => b.words.length - a.words.length);

/** Verbs that attribute what follows to a speaker («أكد … أن», "stressed that"). */
export const AR_SAYS = list(`
  أكد أكدت أشار أشارت قال قالت أوضح أوضحت شدد شددت دعا دعت لفت لفتت حذر حذرت أضاف أضافت تناول تناولت سلط سلطت
  نوه نوهت عرض عرضت استعرض استعرضت رحب رحبت اعتبر اعتبرت طالب طالبت أبرز أبرزت بين بينت ركز ركزت تطرق تطرقت
`);

export const EN_SAYS = list(`
  said says stressed noted underlined emphasized emphasised highlighted warned called urged regretted deplored commended
  welcomed argued explained pointed focused added affirmed reiterated expressed praised discussed outlined described
  observed stated announced recalled acknowledged suggested insisted cautioned proposed reviewed presented
`);

/** English cues, by a word's start. */
export const EN_CUES: readonly { re: RegExp; part: Part | null }[] = [
  { re: /^keynote$/, part: 'keynote' },
  { re: /^moderat/, part: 'moderator' },
  { re: /^chair(ed|ing|s)?$/, part: 'chair' },
  { re: /^(opening|opened)$/, part: 'opening' },
  { re: /^(welcome|welcoming)$/, part: 'welcome' },
  { re: /^(closing|closed)$/, part: 'closing' },
  { re: /^(panel+ists?|featured|featuring)$/, part: 'panellist' },
  { re: /^(presented|presenting)$/, part: 'presenter' },
  { re: /^(presence|patronage|auspices)$/, part: 'patron' },
  { re: /^(spoke|speakers?|addressed)$/, part: 'speaker' },
  { re: new RegExp(`^(${[...EN_SAYS].join('|')}|led|attended|joined)$`), part: null },
];

/** English titles and posts written before a name; the name is what follows the last of them. */
export const EN_POSTS = list(`
  dr mr mrs ms prof professor ambassador sir dame general admiral minister president chair chairman chairwoman chairperson
  head executive director dean chief secretary commissioner envoy representative coordinator fellow researcher advisor
  adviser editor manager governor mayor senator deputy assistant associate vice senior lecturer officer undersecretary
  his her excellency he she highness sheikh prince princess king queen colonel major captain lieutenant brigadier
  amb hon honourable honorable maj gen brig col lt cdr capt analyst engineer
`);

/** Honorifics: before a name, its title ("Dr.", "Ambassador", "H.E."). */
/** ("H.E." is read as its two letters.) */
export const EN_HONORIFICS = list(
  `dr mr mrs ms prof professor ambassador amb hon honourable honorable sir dame excellency his her he h e maj gen brig col lt cdr capt`,
);

/** Words of an institution or a post, never of a person's name. */
export const EN_NOT_NAMES = list(`
  university school center centre institute department office organization organisation nations agency council committee
  ministry foundation association union bank fund programme program commission rights human studies conference graduate
  international global affairs security peace day cooperation islamic arab united forum group college faculty academy
  society parliament court the of and for in on at by with state states republic kingdom government national annual
  research policy world news press relations earth environment religion branch power
`);

/** Kinds of event, as a report names them (the first word, or two). */
export const AR_KINDS: readonly string[][] = `
  مائدة مستديرة|ورشة عمل|حلقة نقاش|حلقة نقاشية|جلسة حوارية|جلسة نقاشية|دورة تدريبية|مؤتمر صحفي|جامعة صيفية|مدرسة صيفية|
  ندوة|مؤتمر|ملتقى|منتدى|محاضرة|لقاء|اجتماع|
  حوار|مناظرة|ورشة|قمة|أمسية|
`
  .split('|')
  .map((k) => k.trim())
  .filter(Boolean)
  .map((k) => normalise(k).split(/\s+/));

export const EN_KINDS = list(`
  conference roundtable round-table seminar workshop symposium forum webinar lecture summit dialogue meeting colloquium
  panel discussion briefing
`);

/** Verbs that say who organised the event: «نظم معهد … ندوة», «عقدت جامعة …», «استأنفت منظمة …». */
export const AR_ORGANISED = list(`
  نظم نظمت نظمه نظمها عقد عقدت عقده عقدها أقام أقامت أقامه أقامها استضاف استضافت استأنف استأنفت أطلق أطلقت تنظم ينظم
  تنظمها ينظمها تنظمه ينظمه
`);
/** Verbs whose subject is where the event was: «احتضنت رئاسة جامعة … الجلسة الافتتاحية», «تحتضن القاعة …». */
export const AR_HOSTED_AT = list(`احتضن احتضنت احتضنه احتضنها تحتضن يحتضن`);
/** Words that open a venue's name (with an institution's: «رئاسة جامعة …», «مقر الجامعة»). */
export const AR_VENUE_HEADS = list(`رئاسة مقر قاعة فندق مدرج قصر دار مبنى`);
/** The passive: «أقيم في …», «عقدت في …»: the place after it is where, and whose. */
export const AR_HELD_IN = list(`أقيم أقيمت عقد عقدت انعقد انعقدت نظم نظمت`);

/** Words that end an institution's name in an event's sentence. */
export const AR_INSTITUTION_END = list(`
  التابع التابعة ممثلا ممثلة اليوم لليوم أمس يوم يومي خلال مناقشة بعنوان تحت حول مؤخرا مساء صباح بمشاركة بالتعاون بالشراكة بحضور برعاية الذي التي
  ضمن
`);

/** Arabic ordinals of a session: «الجلسة الأولى», «الجلسة الختامية». */
export const AR_SESSION_ORDINALS = list(`
  الأولى الاولى الثانية الثالثة الرابعة الخامسة السادسة السابعة الثامنة التاسعة العاشرة الختامية الافتتاحية
`);

/** Gregorian months in both Arabic usages and English, with their numbers (Hijri months apart: HIJRI_MONTHS): the claim check's names. */
export const GREGORIAN_MONTHS: ReadonlyMap<string, number> = new Map([
  ...GREGORIAN_MONTH_WORDS.flatMap(([words, n]) => [...list(words)].map((w) => [w, n] as const)),
  ...LEVANTINE_MONTHS.map(([words, n]) => [words.split(' ').map(normalise).join(' '), n] as const),
]);

/** Hijri months, as words (some of two: «ربيع الأول», «ذو الحجة»). */
export const HIJRI_MONTHS = list(`محرم المحرم صفر ربيع جمادى جمادي رجب شعبان رمضان شوال ذو ذي`);

/** Cities a report names as where an event was, each as its words. */
export const CITIES: readonly string[][] = `
  واشنطن موسكو بكين لندن باريس برلين جنيف نيويورك طهران أنقرة إسطنبول اسطنبول القاهرة الرياض الدوحة دبي أبوظبي جدة
  بغداد دمشق بيروت القدس غزة كابل نيودلهي بروكسل فيينا طوكيو سيول كييف المنامة مسقط الرباط الخرطوم صنعاء
  البصرة أربيل الموصل الإسكندرية إسلام_آباد لاهور كراتشي
`
  .split(/\s+/)
  .filter(Boolean)
  .map((c) => normalise(c).split('_'));

/**
 * The word lists the claim check leans on, each in the one form of normalise.ts (أ → ا, ة → ه, ى → ي):
 * words that carry no content, number words, month names, the nouns that open an institution's name, the
 * titles that come before a person's name, and places.
 */
import { normalise } from './normalise.js';

const list = (words: string): Set<string> => new Set(words.split(/\s+/).filter(Boolean).map(normalise));

/** Arabic and English words that say nothing of an item's content. */
export const STOP_WORDS = list(`
  في من الى إلى على عن مع حول بين ذلك هذا هذه هذان هاتان هؤلاء تلك ذات ذو التي الذي اللذان اللتان الذين اللاتي
  ما ماذا لا لم لن ليس ان إن أن أنّ كان كانت يكون تكون كانوا قد لقد كما أو او ام أم ثم حتى عند عندما بعد قبل كل
  بعض غير دون ضمن خلال لدى عبر نحو إلا الا أي اي أيّ هو هي هم هما هن نحن انا أنا انت أنت تم يتم وقد فيما أيضا ايضا
  كذلك بما منها فيها عليها اليها إليها منه فيه عليه اليه إليه عنه عنها به بها له لها لهم لهما بهم فيهم منهم عليهم
  مثل مثلا منذ إذ اذ إذا اذا حيث كيف لكن لكنّ بل وكذا كذا سواء جميع كافة كافه أكثر اكثر أقل اقل أحد احد بشأن إزاء ازاء
  لأن لان لما مما عما فقط وحده وحدها نفس نفسه نفسها ذاته ذاتها بينما فضلا علاوة اثناء أثناء لدي عدة عده عدد
  يا هناك هنا الآن الان جدا تجاه وفق وفقا حسب بحسب
  the a an and or nor of in on at to for with by from as is are was were be been being has have had do does did
  it its this that these those which who whom whose their his her hers they them he she we our ours you your not no
  also but into over under about than then there here such so if while when where how what all any each both
  more most other some own same very can will would shall should may might must upon among between through during
  before after against without within via per
`);

/** Cardinal number words and their values (one and two are left out: «واحد» and the dual are everyday words). */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(
  (
    [
      ['ثلاث ثلاثه three', 3],
      ['اربع اربعه four', 4],
      ['خمس خمسه five', 5],
      ['ست سته six', 6],
      ['سبع سبعه seven', 7],
      ['ثماني ثمانيه ثمان eight', 8],
      ['تسع تسعه nine', 9],
      ['عشر عشره ten', 10],
      ['عشرون عشرين twenty', 20],
      ['ثلاثون ثلاثين thirty', 30],
      ['اربعون اربعين forty', 40],
      ['خمسون خمسين fifty', 50],
      ['ستون ستين sixty', 60],
      ['سبعون سبعين seventy', 70],
      ['ثمانون ثمانين eighty', 80],
      ['تسعون تسعين ninety', 90],
      ['مائه مئه مايه ميه hundred', 100],
      ['الف الاف thousand', 1000],
      ['مليون ملايين million', 1_000_000],
      ['مليار مليارات billion', 1_000_000_000],
    ] as const
  ).flatMap(([words, n]) => [...list(words)].map((w) => [w, n] as const)),
);

/** Ordinal words: a paragraph that says «الاجتماع التاسع والعشرين» gives the numbers an item may write as 29. */
export const ORDINAL_WORDS: ReadonlyMap<string, number> = new Map(
  (
    [
      ['اول اولى first', 1],
      ['ثاني ثانيه second', 2],
      ['ثالث ثالثه third', 3],
      ['رابع رابعه fourth', 4],
      ['خامس خامسه fifth', 5],
      ['سادس سادسه sixth', 6],
      ['سابع سابعه seventh', 7],
      ['ثامن ثامنه eighth', 8],
      ['تاسع تاسعه ninth', 9],
      ['عاشر عاشره tenth', 10],
      ['حادي حاديه', 1],
    ] as const
  ).flatMap(([words, n]) => [...list(words)].map((w) => [w, n] as const)),
);

/**
 * The Gregorian months' names of one word, in both Arabic usages and English, with their numbers: the one
 * table the claim check's index, its date reader (dates.ts) and the drafter (src/draft/) read.
 */
export const GREGORIAN_MONTH_WORDS: readonly (readonly [string, number])[] = [
  // The Egyptian and Gulf names, the Levantine ones, the Moroccan ones (ماي، يوليوز، غشت، شتنبر، نونبر، دجنبر)
  // and the Algerian and Tunisian ones (جانفي، فيفري، أفريل، جوان، جويلية، أوت), then English.
  ['يناير جانفي january jan', 1],
  ['فبراير شباط فيفري february feb', 2],
  ['مارس آذار march mar', 3],
  ['أبريل ابريل إبريل نيسان أفريل افريل april apr', 4],
  ['مايو أيار ايار ماي may', 5],
  ['يونيو يونيه حزيران جوان june jun', 6],
  ['يوليو يوليه تموز يوليوز جويلية july jul', 7],
  ['أغسطس اغسطس آب غشت أوت اوت august aug', 8],
  ['سبتمبر أيلول ايلول شتنبر september sep sept', 9],
  ['أكتوبر اكتوبر october oct', 10],
  ['نوفمبر نونبر november nov', 11],
  ['ديسمبر دجنبر december dec', 12],
];

/** The Levantine months' names of two words, with their numbers. */
export const LEVANTINE_MONTHS: readonly (readonly [string, number])[] = [
  ['كانون الثاني', 1],
  ['تشرين الأول', 10],
  ['تشرين الثاني', 11],
  ['كانون الأول', 12],
];

/** Month names of one word (Gregorian in both Arabic usages, Hijri, English) and their numbers: «2 مايو» is 2/5. */
export const MONTHS: ReadonlyMap<string, number> = new Map(
  ([...GREGORIAN_MONTH_WORDS, ['محرم المحرم', 1], ['رجب', 7], ['شعبان', 8], ['رمضان', 9], ['شوال', 10]] as const).flatMap(([words, n]) =>
    [...list(words)].map((w) => [w, n] as const),
  ),
);

/** Nouns that open an institution's name: «جامعة القاهرة», «منظمة التعاون الإسلامي», «الأمم المتحدة». */
export const INSTITUTION_HEADS = list(`
  منظمة منظمات جامعة جامعات معهد معاهد مركز مراكز وزارة وزارات حلف أحلاف اتحاد مجلس مجالس هيئة هيئات لجنة لجان
  وكالة وكالات مؤسسة مؤسسات صندوق بنك جمعية رابطة أكاديمية كلية محكمة منتدى برلمان تحالف شركة حزب الأمم
  سفارة سفارات قنصلية بعثة مندوبية كرسي
`);

/** Titles written before a person's name: the word after one is a name the report must give. */
export const TITLES = list(`
  السفير السفيرة الدكتور الدكتورة د الأستاذ الأستاذة البروفيسور الوزير الوزيرة الرئيس الرئيسة السيد السيدة
  الشيخ الشيخة الأمير الأميرة الملك الملكة اللواء العقيد العميد الفريق المشير الأدميرال المقدم الرائد المستشار
  المهندس القاضي المطران الإمام
`);

/**
 * Places an item may add that its paragraph never names: countries, capitals and regions, in Arabic, each
 * as its words (a place of several words is matched as a sequence). In English text a place is a capitalised
 * word, which the check takes for a name anyway.
 */
export const PLACES: readonly string[][] = `
  مصر|السعودية|الإمارات|قطر|الكويت|البحرين|سلطنة عمان|اليمن|العراق|سوريا|سورية|لبنان|الأردن|فلسطين|إسرائيل|إيران|تركيا|
  ليبيا|تونس|الجزائر|المغرب|موريتانيا|السودان|الصومال|جيبوتي|إثيوبيا|إريتريا|نيجيريا|كينيا|جنوب أفريقيا|جنوب إفريقيا|
  الصين|اليابان|الهند|باكستان|أفغانستان|بنغلاديش|إندونيسيا|ماليزيا|سنغافورة|الفلبين|فيتنام|تايلاند|كوريا|تايوان|
  روسيا|أوكرانيا|بيلاروسيا|كازاخستان|أوزبكستان|أذربيجان|أرمينيا|جورجيا|ألمانيا|فرنسا|بريطانيا|المملكة المتحدة|إيطاليا|
  إسبانيا|البرتغال|اليونان|هولندا|بلجيكا|سويسرا|النمسا|بولندا|السويد|النرويج|فنلندا|الدنمارك|الولايات المتحدة|
  أمريكا|أميركا|كندا|المكسيك|البرازيل|الأرجنتين|أستراليا|
  واشنطن|موسكو|بكين|لندن|باريس|برلين|جنيف|نيويورك|طهران|أنقرة|إسطنبول|اسطنبول|القاهرة|الرياض|الدوحة|دبي|أبوظبي|
  بغداد|دمشق|بيروت|عمّان|القدس|غزة|كابل|نيودلهي|بروكسل|فيينا|طوكيو|سيول|كييف|إسلام آباد|
  أوروبا|آسيا|أفريقيا|إفريقيا|الخليج العربي|الشرق الأوسط|شمال أفريقيا|أمريكا اللاتينية|آسيا الوسطى|البلقان|القوقاز|
`
  .split('|')
  .map((p) => p.trim())
  .filter(Boolean)
  .map((p) => normalise(p).split(/\s+/));

/**
 * A country and its capital, each of which a report may name for the other («مقترح إسلام آباد» for Pakistan's
 * proposal, "Moscow said" for Russia): a place is found where the report names the other. Each group as its
 * names, each name as its words.
 */
export const COUNTRY_CAPITALS: readonly (readonly string[][])[] = `
  باكستان|إسلام آباد|اسلام اباد|pakistan|islamabad
  روسيا|موسكو|russia|moscow
  الولايات المتحدة|أمريكا|أميركا|واشنطن|united states|america|washington
  الصين|بكين|china|beijing
  المملكة المتحدة|بريطانيا|لندن|united kingdom|britain|london
  فرنسا|باريس|france|paris
  ألمانيا|برلين|germany|berlin
  إيران|طهران|iran|tehran
  تركيا|أنقرة|turkey|türkiye|ankara
  مصر|القاهرة|egypt|cairo
  السعودية|المملكة العربية السعودية|الرياض|saudi arabia|riyadh
  قطر|الدوحة|qatar|doha
  الإمارات|أبوظبي|أبو ظبي|uae|united arab emirates|abu dhabi
  العراق|بغداد|iraq|baghdad
  سوريا|سورية|دمشق|syria|damascus
  لبنان|بيروت|lebanon|beirut
  أفغانستان|كابل|afghanistan|kabul
  الهند|نيودلهي|نيودلهي|india|new delhi
  اليابان|طوكيو|japan|tokyo
  أوكرانيا|كييف|ukraine|kyiv|kiev
  بلجيكا|بروكسل|belgium|brussels
  النمسا|فيينا|austria|vienna
  إيطاليا|روما|italy|rome
  إسبانيا|مدريد|spain|madrid
  إسرائيل|تل أبيب|israel|tel aviv
  كوريا الجنوبية|سيول|south korea|seoul
  ليبيا|طرابلس|libya|tripoli
  تونس|tunisia|tunis
  الجزائر|algeria|algiers
  المغرب|الرباط|morocco|rabat
  السودان|الخرطوم|sudan|khartoum
  اليمن|صنعاء|yemen|sanaa
`
  .split('\n')
  .map((line) => line.trim())
  .filter(Boolean)
  .map((line) => line.split('|').map((name) => normalise(name.trim()).split(/\s+/)));

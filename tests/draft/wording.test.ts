/**
 * How event reports phrase things (../shared/docs/drafting.md), each read into the draft: the organiser and
 * partner, the kind and title, the Hijri and Gregorian dates, the city; people with their title, post and
 * part; a session and its moderator; what a speaker said, and «وأضاف» going on with the same speaker. And
 * what is not plain stays out.
 */
import { describe, expect, it } from 'vitest';
import { draftFrom } from '../../src/draft/draft.js';

const arabic = [
  'نظّم معهد الأمير سعود الفيصل للدراسات الدبلوماسية يوم الثلاثاء 5 رجب 1445هـ الموافق 16 يناير 2024م حلقة نقاش بعنوان "مستقبل الأمن في البحر الأحمر"، بالتعاون مع مركز الملك فيصل للبحوث والدراسات الإسلامية، وذلك في مقر المعهد بالرياض.',
  'افتتح الحلقة معالي الدكتور عبدالله بن محمد الخالدي، مدير عام المعهد، بكلمة ترحيبية، ثم ألقى الكلمة الرئيسية السفير جمال عبد الرحمن، مساعد وزير الخارجية.',
  'وأدار الجلسة الأولى الدكتورة هند المطيري، أستاذة العلاقات الدولية بجامعة الملك سعود، وتحدث فيها اللواء الركن سعد العتيبي.',
  'وأكد السفير جمال عبد الرحمن أن أمن البحر الأحمر مسؤولية جماعية.',
  'وأضاف أن التعاون الإقليمي هو السبيل الوحيد لحماية الملاحة.',
  'وأشار نائب وزير الخارجية ريابكوف إلى أهمية الحوار.',
];

const english = [
  'The Gulf Research Council and the Institute of Peace co-organized a roundtable on maritime security from 3 to 5 March 2024 at the Ritz Carlton Hotel in Doha.',
  'Opening remarks were delivered by Ambassador Sarah Jones, Director of the Institute of Peace.',
  'The keynote address was delivered by Dr. Omar Khalid, Minister of Transport.',
  'The panel "Securing the Sea Lanes", moderated by Professor Mary Ellen Hart of King\'s College London, heard from experts.',
  'Dr. Omar Khalid stressed that shipping lanes must remain open.',
  'Smith said the talks went well.',
];

const more = [
  'نظمت جامعة القاهرة ندوة بعنوان "الأمن المائي" يومي 3 و4 مارس 2024، تحدث فيها أ.د. محمد علي حسن، أستاذ الهندسة، والمهندسة سارة أحمد. وقدم الدكتور كريم منصور ورقة حول السدود.',
];

const englishMore = [
  'The Atlantic Council held a workshop on energy security on 12 June 2023 in Washington.',
  'Jane Doe, Executive Director of the Energy Forum, moderated the discussion.',
  'Panelists included Alan Poe and Maria Luz.',
];

describe('the drafter reads how reports phrase things', () => {
  it("in Arabic: «أ.د.», «علي» in a name, «يومي 3 و4», a paper presented; the city in an institution's name is not the city", () => {
    const d = draftFrom(more);
    expect(d.event.date?.value).toEqual({ from: '2024-03-03', to: '2024-03-04' });
    expect(d.event.host?.value).toEqual({ institution: 'جامعة القاهرة' });
    expect(d.people.map((p) => [p.title, p.name, p.role, p.part])).toEqual([
      ['أ.د.', 'محمد علي حسن', 'أستاذ الهندسة', 'speaker'],
      ['المهندسة', 'سارة أحمد', undefined, 'speaker'],
      ['الدكتور', 'كريم منصور', undefined, 'presenter'],
    ]);
  });

  it('in Arabic: a range of days and its Hijri date in figures, as the Saudi press writes them', () => {
    // NAUSS's symposium (sauress.com/shms/77225), its opening words.
    const d = draftFrom([
      'بدأت صباح أمس بمقر الجامعة بالرياض، أعمال الندوة العلمية (قدرات الأجهزة الأمنية وأثرها على جهود مكافحة الإرهاب) التي تنظمها الجامعة خلال الفترة من 14 إلى 16 / 11 / 1430ه الموافق 2 إلى 4 / 11 / 2009م بحضور الدكتور جمعان رشيد بن رقوش نائب رئيس جامعة نايف العربية للعلوم الأمنية.',
    ]);
    expect(d.event.date).toEqual({ value: { from: '2009-11-02', to: '2009-11-04' }, n: 1 });
    expect(d.event.hijri).toEqual({ value: '14 إلى 16 / 11 / 1430ه', n: 1 });
    // A supporter: «وبدعم من سفارة إسبانيا بالمغرب» (chamaly.ma/?p=157154), and the Moroccan July.
    const moroccan = draftFrom([
      'احتضنت رئاسة جامعة عبد المالك السعدي، يوم الثلاثاء 8 يوليوز 2025، الجلسة الافتتاحية للنسخة الأولى من "الجامعة الصيفية"، المنظمة بشراكة بين الجامعة ومندوبية حكومة كتالونيا، وبدعم من سفارة إسبانيا بالمغرب.',
    ]);
    // «احتضنت رئاسة جامعة …» is where; «بشراكة بين الجامعة ومندوبية …» who organised it, «الجامعة» being the
    // university the sentence names; the weekday named is the date's.
    expect(moroccan.event.venue?.value).toEqual({ name: 'رئاسة جامعة عبد المالك السعدي' });
    expect(moroccan.event.host?.value).toEqual({ institution: 'جامعة عبد المالك السعدي' });
    expect(moroccan.event.organisers.map((o) => o.value)).toEqual([
      { institution: 'مندوبية حكومة كتالونيا', relation: 'co-organiser' },
      { institution: 'سفارة إسبانيا بالمغرب', relation: 'supporter' },
    ]);
    expect(moroccan.event.date?.value).toBe('2025-07-08');
    expect(moroccan.event.weekday).toBe('tuesday');
    // A list of organisers, each Latin name in brackets beside its own.
    const listed = draftFrom([
      'احتضنت رئاسة جامعة عبد المالك السعدي الجلسة الافتتاحية، المنظمة بشراكة بين الجامعة ومندوبية حكومة كتالونيا في شمال إفريقيا، والمعهد الأوروبي للمتوسط (IEMed)، والوكالة الكتالونية للتعاون من أجل التنمية (ACCD).',
    ]);
    expect(listed.event.organisers.map((o) => o.value)).toEqual([
      { institution: 'مندوبية حكومة كتالونيا في شمال إفريقيا', relation: 'co-organiser' },
      { institution: 'المعهد الأوروبي للمتوسط', latin: 'IEMed', relation: 'co-organiser' },
      { institution: 'الوكالة الكتالونية للتعاون من أجل التنمية', latin: 'ACCD', relation: 'co-organiser' },
    ]);
    // A weekday that is not the date's is not drafted.
    expect(draftFrom(['نظمت جامعة القاهرة يوم الأربعاء 8 يوليو 2025 ندوة.']).event.weekday).toBeUndefined();
    // What the initiative stood for names no kind of event: «قيم الحوار والتعاون» is no «حوار»; the kind is the
    // one the hosting sentence names.
    const values = draftFrom([
      'احتضنت رئاسة جامعة عبد المالك السعدي الجلسة الافتتاحية للنسخة الأولى من "الجامعة الصيفية".',
      'وتنسجم هذه المبادرة مع قيم الحوار والتعاون والتكوين المشترك.',
    ]);
    expect(values.event.kind?.value).toBe('الجامعة الصيفية');
    expect(draftFrom(['وتنسجم هذه المبادرة مع قيم الحوار والتعاون والتكوين المشترك.']).event.kind).toBeUndefined();
    // «التي تنظمها الجامعة … نائب رئيس جامعة نايف العربية للعلوم الأمنية»: the host named in full; a later
    // «الدكتور ابن رقوش» is the same person, and his speech at the start his part, not his presence.
    const nauss = draftFrom([
      'بدأت صباح أمس بمقر الجامعة بالرياض، أعمال الندوة العلمية التي تنظمها الجامعة بحضور الدكتور جمعان رشيد بن رقوش نائب رئيس جامعة نايف العربية للعلوم الأمنية. وألقى الدكتور جمعان رشيد بن رقوش في بداية أعمال الندوة، كلمة رحب فيها بالمشاركين. وأوضح الدكتور ابن رقوش أن هذه الندوة مهمة.',
    ]);
    expect(nauss.event.host?.value).toEqual({ institution: 'جامعة نايف العربية للعلوم الأمنية' });
    expect(nauss.people.map((p) => [p.name, p.part])).toEqual([['جمعان رشيد بن رقوش', 'opening']]);
    // An institution's Latin acronym stays on the post.
    expect(draftFrom(['وترأس الجلسة السيد سينين فلورينسا، الرئيس التنفيذي لمعهد IEMed، والسيد خاومي دوك، مستشار الاتحاد الأوروبي.']).people[0]?.role).toBe(
      'الرئيس التنفيذي لمعهد IEMed',
    );
    // And in one day: «15/3/2024».
    expect(draftFrom(['نظمت جامعة القاهرة ندوة بعنوان "الأمن المائي" في 15/3/2024.']).event.date?.value).toBe('2024-03-15');
  });

  it("in Arabic: a session with its subject, its chair and its rapporteur; a session's title is not the event's", () => {
    const d = draftFrom([
      'عقد مركز الدراسات مؤتمره السنوي. وجاءت الجلسة الأولى بعنوان "الطاقة المتجددة"، وترأسها الدكتور علي حسن، ومقرر الجلسة الدكتور سامي فهد.',
    ]);
    expect(d.event.title).toBeUndefined();
    expect(d.sessions).toEqual([{ id: 'session-1', title: 'الجلسة الأولى', subject: 'الطاقة المتجددة', chair: 'person-1', sources: [1] }]);
    expect(d.people.map((p) => [p.name, p.part, p.session])).toEqual([
      ['علي حسن', 'chair', 'session-1'],
      ['سامي فهد', 'rapporteur', 'session-1'],
    ]);
  });

  it('in Arabic: a Latin name in brackets after the name, then the post', () => {
    const d = draftFrom(['نظم المعهد ندوة حول الأمن، تحدث فيها السفير ألبرت خوريف (Albert Khorev)، سفير روسيا لدى باكستان.']);
    expect(d.people.map((p) => [p.title, p.name, p.latin, p.role, p.part])).toEqual([
      ['السفير', 'ألبرت خوريف', 'Albert Khorev', 'سفير روسيا لدى باكستان', 'speaker'],
    ]);
  });

  it('in English: a post between commas after a name, the verb after it; names with nothing to say who they are left out', () => {
    const d = draftFrom(englishMore);
    expect(d.event.date?.value).toBe('2023-06-12');
    expect(d.people.map((p) => [p.name, p.role, p.part])).toEqual([['Jane Doe', 'Executive Director of the Energy Forum', 'moderator']]);
  });

  it('in English: a UN side event (pam.int): the host before a supporter between commas, the kind the verb names, "H.E. Amb.", a keynote "featured"', () => {
    const d = draftFrom([
      '21 September 2024, UNHQ, New York – At the eve of the Summit of the Future, at the UN Headquarters in New York, the Parliamentary Assembly of the Mediterranean (PAM), with the support of its Centre for Global Studies (CGS), organized a High-Level Parliamentary Side Event.',
      'A key supporter of PAM’s mission, H.E. Amb. Dennis Francis, President of the 78th session of the United Nations General Assembly, commended PAM for its significant contribution to multilateral diplomacy.',
      'The event also featured a keynote address by Ms. Natalia Gherm, Director of the Institute.',
    ]);
    expect(d.event.host?.value).toEqual({ institution: 'Parliamentary Assembly of the Mediterranean (PAM)' });
    expect(d.event.organisers.map((o) => o.value)).toEqual([{ institution: 'Centre for Global Studies (CGS)', relation: 'supporter' }]);
    expect(d.event.kind?.value).toBe('High-Level Parliamentary Side Event');
    expect(d.people.map((p) => [p.title, p.name, p.part])).toEqual([
      ['H.E. Amb.', 'Dennis Francis', undefined],
      ['Ms.', 'Natalia Gherm', 'keynote'],
    ]);
    // A name run on into its post, and the part the nearest wording gives, to both people it lists.
    const welcome = draftFrom([
      'The two opening interventions were followed by the welcome remarks of H.E Amb. Omar Hilale Permanent Representative of Morocco to the United Nations in New York and H.E. Amb. Gianluca Greco, Deputy Permanent Representative of Italy to the United Nations in New York.',
    ]);
    expect(welcome.people.map((p) => [p.name, p.role, p.part])).toEqual([
      ['Omar Hilale', 'Permanent Representative of Morocco to the United Nations in New York', 'welcome'],
      ['Gianluca Greco', 'Deputy Permanent Representative of Italy to the United Nations in New York', 'welcome'],
    ]);
    // «نظمها كرسي الأبحاث … ضمن فعاليات …»: a research chair hosts; «بمحاضرة للمشرف على …»: the post without its «ل».
    const taif = draftFrom([
      'افتتح الدكتور إبراهيم الحكمي ورشة عمل بعنوان "الورد الطائفي"، نظمها كرسي الأبحاث والدراسات التنموية للورد الطائفي ضمن فعاليات مهرجان الورد الحادي عشر. وافتتحت الورشة بمحاضرة للمشرف على كرسي الأبحاث الدكتور صالح بن علي بازيد.',
    ]);
    expect(taif.event.host?.value).toEqual({ institution: 'كرسي الأبحاث والدراسات التنموية للورد الطائفي' });
    expect(taif.people.find((p) => p.name === 'صالح بن علي بازيد')?.role).toBe('المشرف على كرسي الأبحاث');
  });

  it("in English: a conference by its host's name, its sessions' speakers and a chair who also opened the day (lahoreschoolofeconomics.blogspot.com)", () => {
    const d = draftFrom([
      'Lahore School of Economics Third Annual Social Sciences conference concludes',
      'The day started with opening remarks by Prof. Sajjad Naseer who appreciated the commitment of the School.',
      'The first session of the day was chaired by Ambassador Shamshad Ahmad Khan. The first speaker of the session Dr. Hassan Askari Rizvi explored the challenges of foreign policy. Dr. Saeed Shafqat, Director, School of Public Policy, FCCU, looked into the dynamics of Pakistan-US Relations while Mr. Zafar Jaspal focused on the nuclear issue in the regional context.',
      'The second session was chaired by Prof. Sajjad Naseer, Senior Fellow, Lahore School of Economics.',
    ]);
    expect(d.event.host?.value).toEqual({ institution: 'Lahore School of Economics' });
    expect(d.people.map((p) => [p.name, p.part, p.session])).toEqual([
      ['Sajjad Naseer', 'opening', 'session-2'],
      ['Shamshad Ahmad Khan', 'chair', 'session-1'],
      ['Hassan Askari Rizvi', 'speaker', 'session-1'],
      ['Saeed Shafqat', 'speaker', 'session-1'],
      ['Zafar Jaspal', 'speaker', 'session-1'],
    ]);
    expect(d.sessions.map((s) => [s.title, s.chair])).toEqual([
      ['First session', 'shamshad-ahmad-khan'],
      ['Second session', 'sajjad-naseer'],
    ]);
  });

  it('in Arabic: two days of a month without the year, «دكتور» without its article, a paper «قدمها» or presented past the post (sudaress.com)', () => {
    const d = draftFrom([
      'على مدى يومي 7- 8، من سبتمبر الحالي توالت بفندق le passage بالقاهرة، جلسات مؤتمر بعنوان " نحو نظام عربي جديد" نظمه المركز القومي لدراسات الشرق الأوسط. وكان من تلك المواضيع موضوع العرب وتحديات الوحدة والتجزئة، الذي قدمت حوله عدة أوراق منها ورقة ناقشت علاقة العروبة والإسلام، قدمها الدكتور بشير نافع من فلسطين، وورقة قدمها دكتور طارق فهمي، من المركز القومي، حول التحدي الصهيوني، كما قدم الدكتور محمد عبد السلام، رئيس تحرير مجلة السياسة الدولية، ورقة ناقشت السياسات الدولية نحو العالم العربي.',
    ]);
    expect(d.event.date).toBeUndefined();
    expect(d.event.partDate).toMatchObject({ day: 7, month: 9, to: 8, n: 1 });
    expect(d.people.map((p) => [p.title, p.name, p.part])).toEqual([
      ['الدكتور', 'بشير نافع', 'presenter'],
      ['دكتور', 'طارق فهمي', 'presenter'],
      ['الدكتور', 'محمد عبد السلام', 'presenter'],
    ]);
  });

  it('in English: the host after a date and a comma, a list of panellists, "Maj. Gen.", a post run on after a name (iicr.org.pk)', () => {
    const d = draftFrom([
      'On Monday, June 1st, Islamabad Institute of Conflict Resolution (IICR) organized a closed webinar titled as “CPEC at the new Cross Roads”.',
      'Panellists included Prof. Dr. Song Zhihui  Director, Pakistan Study Center, Sichuan University, Mr. Ling Jianke is Executive Representative of Power China Pakistan Branch, Senior Engineer, from Pakistan side panelists include Prof. Dr. Rifaat Hussain Analyst, Professor Department of Government Policy at NUST.',
      'Chairman IICR, Maj. Gen. Raza Muhammad ® moderated the session.',
    ]);
    expect(d.event.host?.value).toEqual({ institution: 'Islamabad Institute of Conflict Resolution (IICR)' });
    expect(d.people.map((p) => [p.title, p.name, p.part])).toEqual([
      ['Prof. Dr.', 'Song Zhihui', 'panellist'],
      ['Mr.', 'Ling Jianke', 'panellist'],
      ['Prof. Dr.', 'Rifaat Hussain', 'panellist'],
      ['Maj. Gen.', 'Raza Muhammad', 'moderator'],
    ]);
  });

  it('in Arabic: the day of the week alone, a name with no title between a verb of saying and its post (masress.com/elfagr)', () => {
    const d = draftFrom([
      'شهد قصر ثقافة الأقصر، اليوم الإثنين، الجلسة الافتتاحية لمنتدى الشباب العربي. وأشارت مشيرة أبو غالي مؤسس المجلس العربي، إلى أن نجاح التنمية يأتي في الدول المستقرة. وطالب محمد بدر محافظ الأقصر، بخروج المنتدى بتوصيات. وأشار التقرير إلى أهمية المنتدى.',
    ]);
    expect(d.event.partDate).toMatchObject({ weekday: 'monday', n: 1 });
    expect(d.people.map((p) => [p.name, p.role, p.part])).toEqual([
      ['مشيرة أبو غالي', 'مؤسس المجلس العربي', 'speaker'],
      ['محمد بدر', 'محافظ الأقصر', 'speaker'],
    ]);
  });

  it('in Arabic: «برعاية» and «ورعاية» give no part: a patron need not be there, and «بحضور» would say he was', () => {
    const d = draftFrom([
      'عقدت الندوة برعاية الدكتور سالم العتيبي، رئيس المجلس، ورعاية الشيخ خميس فرحان، رئيس المركز العراقي، بحضور الدكتور ماجد الحربي، عميد الكلية.',
    ]);
    expect(d.people.map((p) => [p.name, p.part])).toEqual([
      ['سالم العتيبي', undefined],
      ['خميس فرحان', undefined],
      ['ماجد الحربي', 'patron'],
    ]);
  });

  it('in Arabic', () => {
    const d = draftFrom(arabic);
    expect(d.lang).toBe('ar');
    expect(d.event.host?.value).toEqual({ institution: 'معهد الأمير سعود الفيصل للدراسات الدبلوماسية', city: 'الرياض' });
    expect(d.event.organisers.map((o) => o.value)).toEqual([{ institution: 'مركز الملك فيصل للبحوث والدراسات الإسلامية', relation: 'partner' }]);
    expect(d.event.kind?.value).toBe('حلقة نقاش');
    expect(d.event.title?.value).toBe('مستقبل الأمن في البحر الأحمر');
    expect(d.event.date?.value).toBe('2024-01-16');
    expect(d.event.hijri?.value).toBe('5 رجب 1445هـ');
    expect(d.people.map((p) => [p.title, p.name, p.role, p.part, p.session])).toEqual([
      ['معالي الدكتور', 'عبدالله بن محمد الخالدي', 'مدير عام المعهد', 'opening', undefined],
      ['السفير', 'جمال عبد الرحمن', 'مساعد وزير الخارجية', 'keynote', undefined],
      ['الدكتورة', 'هند المطيري', 'أستاذة العلاقات الدولية بجامعة الملك سعود', 'moderator', 'session-1'],
      ['اللواء الركن', 'سعد العتيبي', undefined, 'speaker', 'session-1'],
    ]);
    expect(d.sessions).toEqual([{ id: 'session-1', title: 'الجلسة الأولى', chair: 'person-3', sources: [3] }]);
    // What the ambassador said, and what he added; not the unnamed official's words.
    expect(d.messages).toEqual([
      {
        speaker: 'person-2',
        points: [
          { text: 'وأكد السفير جمال عبد الرحمن أن أمن البحر الأحمر مسؤولية جماعية', sources: [4] },
          { text: 'وأضاف أن التعاون الإقليمي هو السبيل الوحيد لحماية الملاحة', sources: [5] },
        ],
      },
    ]);
  });

  it('in English', () => {
    const d = draftFrom(english);
    expect(d.lang).toBe('en');
    expect(d.event.host?.value).toEqual({ institution: 'Gulf Research Council' });
    expect(d.event.organisers.map((o) => o.value)).toEqual([{ institution: 'Institute of Peace', relation: 'co-organiser' }]);
    expect(d.event.date?.value).toEqual({ from: '2024-03-03', to: '2024-03-05' });
    expect(d.event.venue?.value).toEqual({ name: 'Ritz Carlton Hotel in Doha' });
    expect(d.people.map((p) => [p.title, p.name, p.role, p.affiliation, p.part])).toEqual([
      ['Ambassador', 'Sarah Jones', 'Director of the Institute of Peace', undefined, 'opening'],
      ['Dr.', 'Omar Khalid', 'Minister of Transport', undefined, 'keynote'],
      ['Professor', 'Mary Ellen Hart', undefined, "King's College London", 'moderator'],
    ]);
    expect(d.sessions.map((s) => [s.title, s.chair])).toEqual([['Securing the Sea Lanes', 'mary-ellen-hart']]);
    // "Smith said": a name no one drafted is no speaker.
    expect(d.messages).toEqual([{ speaker: 'omar-khalid', points: [{ text: 'Dr. Omar Khalid stressed that shipping lanes must remain open', sources: [5] }] }]);
  });
});

// The About page's prose in each interface language.
interface Coverage {
  events: number;
  from: number | null;
  to: number | null;
  parties: number;
  agreements: number;
  commitments: number;
  deliveries: number;
}

const n = (value: number, locale: string) => value.toLocaleString(locale);

export const ABOUT = {
  en: {
    intro:
      'Pactwatch keeps an honest, sourced record of international cooperation agreements: who agreed what, who promised what by when, what was delivered and what happened when. It ships with the record of Ukraine–NATO relations from 1991 to today, and checks what people write against that record.',
    coverageHeading: 'What the record covers',
    coverage: (c: Coverage) =>
      `${n(c.events, 'en')} dated events${c.from !== null ? ` from ${c.from} to ${c.to}` : ''}, ${n(c.agreements, 'en')} agreements between ${n(c.parties, 'en')} parties, ${n(c.commitments, 'en')} commitments and ${n(c.deliveries, 'en')} recorded deliveries. A commitment without a recorded delivery is shown as “No delivery recorded”: the record may simply not have found the report yet.`,
    lastChange: (when: string, kind: string, id: string, action: string) =>
      `The record last changed on ${when} (${kind}/${id}, ${action}), according to its tamper-evident change log.`,
    noChanges: 'The change log has no entries yet.',
    sourcingHeading: 'Sources and tiers',
    sourcing: [
      'Every event, agreement, commitment and delivery carries at least one source: a link, and where it matters the sentence quoted from it. Nothing is recorded that no source states.',
      'Each source has a tier, derived from its site unless an editor sets it:',
    ],
    tiers: {
      primary: 'the parties’ own texts: treaties, official gazettes, government and NATO sites, parliamentary records.',
      reputable: 'established news agencies, research institutes and international organisations reporting on the parties.',
      other: 'everything else: blogs, aggregators, copies of documents.',
      denied: 'a source a party has publicly disputed; kept so the dispute is visible, never used alone.',
    },
    statusHeading: 'How a commitment’s status is derived',
    statusIntro: 'Statuses are never typed in; they follow from the commitment, its deliveries and today’s date, in this order:',
    statusRules: [
      'Breached — a breach (a party acting against the promise) is recorded with its sources.',
      'Withdrawn — the commitment carries a sourced withdrawal.',
      'Fulfilled — the latest delivered total reaches the promised amount or quantity (or, without a figure, a delivery whose source says it completes the promise).',
      'Overdue — the deadline (the last day of the due date: “2024” means 31 December 2024) has passed.',
      'In progress — something was delivered.',
      'Pending — otherwise, including commitments that have no deadline; those can never become overdue and say “no deadline”.',
    ],
    money: (date: string) =>
      `Amounts stay in the currency the source states. The dashboards convert them to euros with the European Central Bank reference rates of ${date}; a currency without a rate is left out of the euro totals and named. Delivered figures are read as running totals, never added twice. Allocated money (set aside, not yet handed over) is shown apart from delivered money.`,
    checkerHeading: 'How the checker decides',
    checker: [
      'The checker splits a text into sentences and clauses and keeps those that state something checkable: a date, a place, a person or party doing something, an amount, a “first”. Each is matched to the record’s events, agreements and commitments.',
      '“Supported” needs a record that agrees on every checkable detail. “Contradicted” needs a record that disagrees on one of them — the explanation names which and what the record says. Everything else is “unverifiable”: the record says nothing either way, which is not the same as false.',
      'It is measured on labelled claims (npm run eval:claims): on the development set it is tuned never to call a false or unverifiable claim supported, and its precision and recall per verdict are printed there. It is a tool to find what to read, not a verdict to publish unread.',
    ],
    citeHeading: 'How to cite',
    citeIntro: 'Cite the record with the date you read it; every record has a stable address and its history is kept.',
    citation: (origin: string, date: string, lastChanged: string | null) =>
      `Pactwatch, Ukraine–NATO record${lastChanged ? `, version of ${lastChanged}` : ''}. ${origin}/ (accessed ${date}).`,
    licence: 'The software is MIT-licensed. Quotes belong to their sources.',
  },
  uk: {
    intro:
      'Pactwatch веде чесний реєстр міжнародних угод про співпрацю з джерелами: хто про що домовився, хто що пообіцяв і до коли, що надано і що коли сталося. Він постачається з реєстром відносин України та НАТО з 1991 року до сьогодні й перевіряє написане про них за цим реєстром.',
    coverageHeading: 'Що охоплює реєстр',
    coverage: (c: Coverage) =>
      `${n(c.events, 'uk')} датованих подій${c.from !== null ? ` з ${c.from} по ${c.to} рік` : ''}, ${n(c.agreements, 'uk')} угод між ${n(c.parties, 'uk')} сторонами, ${n(c.commitments, 'uk')} зобовʼязань і ${n(c.deliveries, 'uk')} зафіксованих постачань. Зобовʼязання без зафіксованого постачання позначене «Постачання не зафіксовано»: можливо, реєстр ще не знайшов відповідного повідомлення.`,
    lastChange: (when: string, kind: string, id: string, action: string) =>
      `Останню зміну в реєстрі внесено ${when} (${kind}/${id}, ${action}) згідно з журналом змін, захищеним від підробки.`,
    noChanges: 'У журналі змін ще немає записів.',
    sourcingHeading: 'Джерела та їхні рівні',
    sourcing: [
      'Кожна подія, угода, зобовʼязання і постачання має щонайменше одне джерело: посилання, а де це важливо — цитату з нього. Реєстр не містить нічого, чого не стверджує джерело.',
      'Кожне джерело має рівень, що визначається за сайтом, якщо редактор не встановив його сам:',
    ],
    tiers: {
      primary: 'власні тексти сторін: договори, офіційні видання, сайти урядів і НАТО, парламентські документи.',
      reputable: 'відомі інформаційні агентства, дослідницькі інститути та міжнародні організації, що пишуть про сторони.',
      other: 'усе інше: блоги, агрегатори, копії документів.',
      denied:
        'джерело, яке одна зі сторін публічно заперечила; зберігається, щоб суперечку було видно, але ніколи не використовується саме по собі.',
    },
    statusHeading: 'Як визначається статус зобовʼязання',
    statusIntro: 'Статуси не вводяться вручну: вони випливають із зобовʼязання, його постачань і сьогоднішньої дати в такому порядку:',
    statusRules: [
      'Порушено — зафіксовано порушення (дію сторони всупереч обіцянці) з джерелами.',
      'Відкликано — зобовʼязання має відкликання з джерелом.',
      'Виконано — останній зафіксований підсумок постачань досягає обіцяної суми чи кількості (або, без цифр, джерело постачання підтверджує виконання).',
      'Прострочено — строк (останній день дати: «2024» означає 31 грудня 2024) минув.',
      'Виконується — щось уже надано.',
      'Очікується — в інших випадках, зокрема для зобовʼязань без строку; вони ніколи не стають простроченими й позначені «без строку».',
    ],
    money: (date: string) =>
      `Суми зберігаються у валюті, яку вказує джерело. Панелі переводять їх у євро за довідковими курсами Європейського центрального банку на ${date}; валюта без курсу не входить до підсумків у євро й названа окремо. Надані суми читаються як наростаючі підсумки й ніколи не додаються двічі. Виділені кошти (зарезервовані, але ще не передані) показано окремо від наданих.`,
    checkerHeading: 'Як працює перевірка',
    checker: [
      'Перевірка ділить текст на речення й частини речень і залишає ті, що стверджують щось перевірюване: дату, місце, дію особи чи сторони, суму, «вперше». Кожне твердження зіставляється з подіями, угодами та зобовʼязаннями реєстру.',
      '«Підтверджено» означає, що запис реєстру збігається в кожній перевірюваній деталі. «Спростовано» означає, що запис розходиться в одній із них — пояснення називає, в якій і що каже реєстр. Усе інше — «неможливо перевірити»: реєстр не каже ні так, ні ні, а це не те саме, що неправда.',
      'Якість вимірюється на розмічених твердженнях (npm run eval:claims): на робочому наборі перевірка налаштована ніколи не називати хибне чи неперевірюване твердження підтвердженим, а точність і повнота для кожного вердикту друкуються там. Це інструмент, що підказує, що прочитати, а не вердикт для публікації без прочитання.',
    ],
    citeHeading: 'Як цитувати',
    citeIntro: 'Цитуйте реєстр із датою звернення; кожен запис має сталу адресу, а його історія зберігається.',
    citation: (origin: string, date: string, lastChanged: string | null) =>
      `Pactwatch, реєстр відносин України та НАТО${lastChanged ? `, версія від ${lastChanged}` : ''}. ${origin}/ (дата звернення: ${date}).`,
    licence: 'Програмне забезпечення поширюється за ліцензією MIT. Цитати належать їхнім джерелам.',
  },
};

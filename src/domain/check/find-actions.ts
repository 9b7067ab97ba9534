// What a sentence says was done: the action classes the checker matches claims and records on.
// Several phrasings share a class ("signed", "put his name to"; "took effect", "entered into
// force"), so a claim in other words still meets the record that describes the same act.

export type Action =
  | 'sign'
  | 'initial'
  | 'adopt'
  | 'join'
  | 'apply'
  | 'invite'
  | 'launch'
  | 'in-force'
  | 'meet'
  | 'visit'
  | 'say'
  | 'ratify'
  | 'decide'
  | 'veto'
  | 'reject'
  | 'provide'
  | 'pledge'
  | 'recognise'
  | 'list'
  | 'abolish'
  | 'negotiate'
  | 'vote'
  | 'discuss'
  | 'appoint'
  | 'elect'
  | 'take-office'
  | 'invade'
  | 'suspend'
  | 'publish'
  | 'locate'
  | 'participate';

export interface ActionMention {
  action: Action;
  start: number;
  end: number;
}

const W = String.raw`(?:\s+\w+){0,3}?\s+`;
const ACTIONS: [Action, RegExp][] = [
  [
    'sign',
    /\b(?:sign(?:s|ed|ing)?(?!\s+up\b)|co-signed|put\s+(?:his|her|their)\s+names?\s+to|inked|conclud(?:e|ed|es|ing)|enter(?:s|ed|ing)?\s+into\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:agreement|memorandum|treaty|accord|pact|charter))\b/gi,
  ],
  ['initial', /\binitial(?:l)?(?:ed|ing|s)\b/gi],
  [
    'adopt',
    /\b(?:adopt(?:s|ed|ing|ion)?|pass(?:es|ed|ing)|approv(?:e|es|ed|ing|al)|endors(?:e|es|ed|ing)|enact(?:s|ed|ing)?|agree(?:s|d)?(?!\s+that\b)(?:\s+on)?)\b/gi,
  ],
  [
    'join',
    new RegExp(
      String.raw`\b(?:join(?:s|ed|ing)?|sign(?:s|ed|ing)?\s+up\s+(?:to|for)|admit(?:s|ted|ting)?|admission|accession|acced(?:e|ed|es|ing)|let${W}in\b|became\s+(?:a\s+)?(?:members?|contributing\s+participants?)|becom(?:e|es|ing)\s+(?:a\s+)?(?:members?|contributing\s+participants?))\b`,
      'gi',
    ),
  ],
  ['apply', /\b(?:appl(?:y|ies|ied|ying)\s+(?:for|to)|applications?|bid|request(?:s|ed|ing)?|ask(?:s|ed|ing)\s+for)\b/gi],
  ['invite', /\b(?:invit(?:e|es|ed|ing|ation|ations))\b/gi],
  [
    'launch',
    /\b(?:launch(?:es|ed|ing)?|establish(?:es|ed|ing|ment)?|set\s+up|creat(?:e|es|ed|ing|ion)|found(?:ed|ing)|inaugurat(?:e|ed|es|ing))\b/gi,
  ],
  [
    'in-force',
    /\b(?:(?:enter(?:s|ed|ing)?|c[ao]me|comes|coming)\s+into\s+(?:force|effect)|t(?:ake|akes|ook|aking)\s+effect|in\s+force)\b/gi,
  ],
  ['meet', /\b(?:meet(?:s|ing|ings)?|met|session|sessions)\b/gi],
  ['visit', /\b(?:visit(?:s|ed|ing)?|trip|travel(?:s|led|ed|ling|ing)?|journey(?:s|ed)?)\b/gi],
  [
    'say',
    /\b(?:s(?:ay|ays|aid)|agree(?:s|d)?\s+that|announc(?:e|es|ed|ing)|declar(?:e|es|ed|ing)|stat(?:ed|ing)|states?\s+that|call(?:s|ed)\s+(?:for|it|the))\b/gi,
  ],
  ['ratify', /\b(?:ratif(?:y|ies|ied|ying|ication))\b/gi],
  ['decide', /\b(?:decid(?:e|es|ed|ing)|decision)\b/gi],
  ['veto', /\b(?:veto(?:es|ed|ing)?|block(?:s|ed|ing)?)\b/gi],
  ['reject', /\b(?:reject(?:s|ed|ing)?|refus(?:e|es|ed|ing)|turn(?:s|ed)?\s+down)\b/gi],
  [
    'provide',
    // "Ukraine received" is the other side of "the Netherlands delivered".
    /(?<!\b(?:to|will|would|shall)\s+(?:not\s+)?)\b(?:provid(?:e|es|ed|ing)|deliver(?:s|ed|ing|y|ies)?|send(?:s|ing)?|sent|contribut(?:e|es|ed|ing|ion|ions)|suppl(?:y|ies|ied)|receiv(?:e|es|ed|ing)|transferr?(?:s|ed|ing)?)\b/gi,
  ],
  // A promise is not a delivery: the record keeps commitments and deliveries apart, and so does
  // the checker. "An agreement to send", "will provide": what is to be delivered is pledged.
  [
    'pledge',
    /\b(?:pledg(?:e|es|ed|ing)|commit(?:s|ted|ting|ment|ments)?|allocat(?:e|es|ed|ing|ion)|earmark(?:s|ed|ing)?|(?:to|will|would|shall)\s+(?:not\s+)?(?:provide|deliver|send|supply|contribute|transfer))\b/gi,
  ],
  ['recognise', /\b(?:recogni[sz](?:e|es|ed|ing)|recognition)\b/gi],
  ['list', /\b(?:list(?:s|ed|ing)?)\b/gi],
  [
    'abolish',
    /\b(?:abolish(?:es|ed|ing)?|abandon(?:s|ed|ing)?|dissolv(?:e|es|ed|ing)|scrap(?:s|ped|ping)?|dropp?(?:s|ed|ing)?|repeal(?:s|ed|ing)?)\b/gi,
  ],
  ['negotiate', /\b(?:negotiat(?:e|es|ed|ing|ion|ions)|talks|hammer(?:ed)?\s+out)\b/gi],
  ['vote', /\b(?:vot(?:e|es|ed|ing))\b/gi],
  ['discuss', /\b(?:discuss(?:es|ed|ing|ion|ions)?|phone\s+call|call(?:ed)?\s+with)\b/gi],
  ['appoint', /\b(?:appoint(?:s|ed|ing|ment)?|nominat(?:e|es|ed|ing))\b/gi],
  ['elect', /\b(?:elect(?:s|ed|ion)?|won\s+the\s+(?:presidential|election))\b/gi],
  [
    'take-office',
    /\b(?:t(?:ake|akes|ook|aking|aken)\s+(?:over\s+as|office|up\s+(?:the\s+)?(?:post|office))|assum(?:e|es|ed|ing)\s+(?:office|the\s+post)|sworn\s+in)\b/gi,
  ],
  ['invade', /\b(?:invad(?:e|es|ed|ing)|invasion|annex(?:es|ed|ing|ation))\b/gi],
  ['suspend', /\b(?:suspend(?:s|ed|ing)?|suspension)\b/gi],
  ['publish', /\b(?:publish(?:es|ed|ing)?|publication|released?)\b/gi],
  ['participate', /\b(?:participat(?:e|es|ed|ing|ion|ions)|t(?:ake|akes|ook|aking|aken)\s+part\s+in|attend(?:s|ed|ing)?)\b/gi],
  ['locate', /\b(?:headquartered|based\s+(?:in|at)|located|stationed|hosted\s+(?:in|at|by))\b/gi],
];

/**
 * Acts that are one act when a record names them: a body that "agreed", "declared" or
 * "decided" something at a meeting states its position, whichever verb a report uses.
 */
const ONE_ACT: Action[][] = [['adopt', 'say', 'decide']];

/** Whether a record's acts include the claim's act, or an act of the same kind. */
export function holdsAction(acts: Set<Action>, action: Action): boolean {
  return acts.has(action) || ONE_ACT.some((group) => group.includes(action) && group.some((a) => acts.has(a)));
}

export function findActions(text: string): ActionMention[] {
  const found: ActionMention[] = [];
  for (const [action, re] of ACTIONS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) found.push({ action, start: m.index, end: m.index + m[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}

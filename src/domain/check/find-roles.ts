// Who held which part in an act: the author of a bill ("drafted by", "Poroshenko's bill"), the
// signers, the chair. A record that names a different person for the same part disagrees.
import type { Entity, EntityMention } from './gazetteer.ts';
import type { Token } from './tokenize.ts';

export type Role = 'author' | 'signer' | 'chair' | 'host';

export interface RoleMention {
  role: Role;
  entity: string[];
  start: number;
  end: number;
}

const BY_VERBS: [Role, RegExp][] = [
  ['author', /^(?:draft|author|writ|write|initiat|propos|introduc|sponsor|submitt|submit|tabl|prepar)/],
  ['signer', /^(?:sign|co-sign|initial)/],
  ['chair', /^(?:chair|presid)/],
  ['host', /^host/],
];
const AUTHORED_NOUNS = /^(?:bill|bills|draft|amendment|amendments|proposal|initiative|legislation|plan|law)$/;
const TITLE =
  /^(?:the|president|prime|minister|speaker|rada|chairman|chair|secretary|general|foreign|defence|defense|chancellor|senator|mr|mrs|ms|dr|ukrainian|us|u|s|state|of)$/;

export function findRoles(tokens: Token[], mentions: EntityMention[], entities: Map<string, Entity>): RoleMention[] {
  const found: RoleMention[] = [];
  const isPerson = (m: EntityMention) => m.ids.some((id) => entities.get(id)?.kind === 'person');
  const mentionAt = (i: number) => mentions.find((m) => m.from === i);
  tokens.forEach((t, i) => {
    if (t.lower !== 'by') return;
    const verb = tokens[i - 1];
    const role = verb && BY_VERBS.find(([, re]) => re.test(verb.lower))?.[0];
    if (!role) return;
    // "signed by Sunak and Zelenskyy": every person named in the list after "by".
    for (let j = i + 1; j < Math.min(tokens.length, i + 12); j++) {
      const m = mentionAt(j);
      if (m && isPerson(m)) {
        found.push({ role, entity: m.ids, start: m.start, end: m.end });
        j = m.to - 1;
        continue;
      }
      if (m && !isPerson(m)) break;
      if (!TITLE.test(tokens[j]!.lower) && tokens[j]!.lower !== 'and') break;
    }
  });
  for (const m of mentions) {
    if (!isPerson(m)) continue;
    const last = tokens[m.to - 1];
    const possessive = last && /['’]s$/.test(last.text);
    if (!possessive) continue;
    for (let j = m.to; j < Math.min(tokens.length, m.to + 3); j++) {
      if (AUTHORED_NOUNS.test(tokens[j]!.lower)) {
        found.push({ role: 'author', entity: m.ids, start: m.start, end: m.end });
        break;
      }
    }
  }
  return found;
}

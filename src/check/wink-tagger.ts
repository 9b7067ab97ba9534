// The checker's tagger: wink-nlp with its small English model, which runs offline and reads
// about 5,000 sentences a second here. Each unit is read on its own and cut at MAX_UNIT
// characters, so no one text can make the tagger slow (it is superlinear on long runs of
// punctuation).
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { PartOfSpeech, TaggedToken, Tagger } from '../domain/check/tagger.ts';

const MAX_UNIT = 1_000;
const KNOWN = new Set<string>(['VERB', 'AUX', 'NOUN', 'PROPN', 'PRON', 'ADP', 'SCONJ', 'CCONJ', 'DET', 'ADJ', 'ADV', 'NUM', 'PUNCT']);

const nlp = winkNLP(model, ['sbd', 'pos']);
const its = nlp.its;

export const winkTagger: Tagger = (text) => {
  const doc = nlp.readDoc(text.slice(0, MAX_UNIT));
  const tokens = doc.tokens();
  // wink's typings do not accept `its.lemma` as a token "its" function, though it is one.
  const out = tokens.out.bind(tokens) as (f: unknown) => string[];
  const values = out(its.value);
  const pos = out(its.pos);
  const lemmas = out(its.lemma);
  const tagged: TaggedToken[] = [];
  let at = 0;
  // wink gives no lemma for a few words ("wont"): the word stands for itself.
  values.forEach((value, i) => {
    const start = text.indexOf(value, at);
    if (start < 0) return;
    at = start + value.length;
    const tag = pos[i]!;
    tagged.push({
      text: value,
      start,
      end: at,
      pos: (KNOWN.has(tag) ? tag : 'OTHER') as PartOfSpeech,
      lemma: (lemmas[i] ?? value).toLowerCase(),
    });
  });
  return tagged;
};

// What the checker needs from a part-of-speech tagger, so the rules do not depend on one
// library. The tagger is given one unit of text at a time (a sentence or a line).

export type PartOfSpeech =
  'VERB' | 'AUX' | 'NOUN' | 'PROPN' | 'PRON' | 'ADP' | 'SCONJ' | 'CCONJ' | 'DET' | 'ADJ' | 'ADV' | 'NUM' | 'PUNCT' | 'OTHER';

export interface TaggedToken {
  text: string;
  start: number;
  end: number;
  pos: PartOfSpeech;
  /** Lower-cased base form ("sign" for "signed", "be" for "was"). */
  lemma: string;
}

export type Tagger = (text: string) => TaggedToken[];

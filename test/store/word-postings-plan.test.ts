// Which query strings a build learns, from the full-text index's vocabulary.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { planWordPostings, prefixCandidates } from '../../src/store/word-postings-plan.ts';

// As FTS5's porter tokenizer stems them: "exercis" (a stored term) stems further, to "exerci".
const FORMS: Record<string, string> = {
  allianc: 'allianc',
  alliance: 'allianc',
  alli: 'alli',
  allia: 'allia',
  al: 'al',
  a: 'a',
  exercis: 'exerci',
  exercise: 'exercis',
  exer: 'exer',
  e: 'e',
  ex: 'ex',
  exe: 'exe',
  alpaca: 'alpaca',
};
const facts = (terms: Record<string, number>, sampledWords: string[] = []) => ({
  terms: new Map(Object.entries(terms)),
  forms: new Map(Object.entries(FORMS)),
  sampledWords,
  common: 100,
  rarePerPrefix: 50,
});

describe('planWordPostings', () => {
  test('prefix candidates are the prefixes of common terms, shortest first', () => {
    assert.deepEqual(
      prefixCandidates(
        new Map([
          ['ab', 200],
          ['xyz', 5],
        ]),
        100,
      ),
      ['a', 'ab'],
    );
  });

  test('a common term is read through itself, or through a word that stems to it', () => {
    const plan = planWordPostings(facts({ allianc: 500, exercis: 300 }, ['alliance', 'exercise']));
    assert.deepEqual(plan.reads, [
      { term: 'allianc', via: 'allianc' },
      { term: 'exercis', via: 'exercise' },
    ]);
    const learnt = new Map(plan.learn.map((l) => [l.key, l.terms]));
    assert.deepEqual(learnt.get('alliance'), ['allianc']);
    assert.deepEqual(learnt.get('exercise'), ['exercis']);
    assert.deepEqual(learnt.get('exer*'), ['exercis']);
    // "exercis" itself stems to another term: asked as typed, it is not this term's postings.
    assert.equal(learnt.has('exercis'), false);
  });

  test('a prefix is the union of its terms, its few rare ones read too; over too many rare ones it is left out', () => {
    const plan = planWordPostings(facts({ allianc: 500, alpaca: 30 }));
    const learnt = new Map(plan.learn.map((l) => [l.key, l.terms]));
    assert.deepEqual(learnt.get('a*'), ['allianc', 'alpaca']);
    assert.deepEqual(learnt.get('alli*'), ['allianc']);
    assert.ok(plan.reads.some((r) => r.term === 'alpaca'));
    const crowded = planWordPostings(facts({ allianc: 500, alpaca: 60 }));
    assert.equal(
      crowded.learn.some((l) => l.key === 'a*'),
      false,
    );
    assert.equal(
      crowded.learn.some((l) => l.key === 'alli*'),
      true,
    );
  });
});

// One labelled training review of the corpus (issue 13): the shape the generator, the handwritten
// lists and the trainer share, in a file of its own so the lists need not import the generator.
import type { CauseId, FlagId } from '../../src/core/reviews/analysis-lexicon.js';

export interface Sample {
  text: string;
  rating?: number;
  sentiment: 'positive' | 'negative';
  causes: CauseId[];
  flags: FlagId[];
  kind: string;
}

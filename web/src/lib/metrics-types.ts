// The dashboard's API (GET /metrics), from the contract the server types its reply with.
import type { Figures } from '../../../src/core/metrics/types.js';
import type { MetricsView } from '../../../src/core/contract/views.js';

export type { Figures };
export type MetricsResponse = MetricsView;

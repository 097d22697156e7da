// The dashboard's API (GET /metrics), as src/server/routes/metrics.ts answers it.
// One definition of the figures, shared with the server's pure formulas (type-only, erased at build).
import type { Figures } from '../../../src/core/metrics/types.js';
export type { Figures };

export interface MetricsResponse {
  from: string;
  to: string;
  groupBy: 'agent' | 'shop' | 'day';
  total: Figures;
  groups: { key: string; label: string; figures: Figures }[];
  idleAgents?: { agentId: string; displayName: string; idleSeconds: number; waiting: number }[];
  inconsistencies?: { intent: string; question: string; answers: { text: string; author: string }[]; reasonZh: string }[];
}

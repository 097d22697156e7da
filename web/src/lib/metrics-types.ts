// The dashboard's API (GET /metrics), as src/server/routes/metrics.ts answers it.
export interface Figures {
  conversations: number;
  inquiries: number;
  firstResponseP50: number | null;
  firstResponseP90: number | null;
  avgResponse: number | null;
  inquiryConversion: number | null;
  aovFen: number | null;
  refundRate: number | null;
  disputeRate: number | null;
  interceptions: number;
  interceptionsByRule: Record<string, number>;
  botResolution: number | null;
  handoverRate: number | null;
}

export interface MetricsResponse {
  from: string;
  to: string;
  groupBy: 'agent' | 'shop' | 'day';
  total: Figures;
  groups: { key: string; label: string; figures: Figures }[];
  idleAgents?: { agentId: string; displayName: string; idleSeconds: number; waiting: number }[];
  inconsistencies?: { intent: string; question: string; answers: { text: string; author: string }[]; reasonZh: string }[];
}

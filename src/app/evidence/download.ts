// A11 from the workbench: the evidence bundle of an order, or of a case's order marked with the
// case, as the JSON file or its HTML page. Every export is written to the audit log; personal data
// in it is masked unless the caller's role may see it. Outside the caller's shops: NOT_FOUND.
import type { Database } from '../../store/open-database.js';
import type { Principal } from '../auth/auth.js';
import { visibleCase } from '../cases/case-views.js';
import { visibleOrder } from '../orders/order-detail.js';
import { exportEvidence, type EvidenceFile, type Exporter } from './build-bundle.js';
import { renderEvidenceHtml } from './render-html.js';

export type EvidenceFormat = 'json' | 'html';

export interface EvidenceDownload {
  /** The attachment's file name, with its extension. */
  fileName: string;
  file: EvidenceFile;
  /** The HTML page when that format was asked for, else null (the JSON file is the body). */
  html: string | null;
}

function exporterOf(p: Principal, maySeePersonalData: boolean): Exporter {
  return { orgId: p.orgId, kind: p.kind, id: p.agentId ?? null, displayName: p.displayName, maySeePersonalData };
}

function download(name: string, file: EvidenceFile, format: EvidenceFormat): EvidenceDownload {
  return { fileName: `${name}.${format}`, file, html: format === 'html' ? renderEvidenceHtml(file) : null };
}

export async function downloadOrderEvidence(
  database: Database, p: Principal, orderId: string, format: EvidenceFormat, now: Date, maySeePersonalData: boolean,
): Promise<EvidenceDownload> {
  const order = await visibleOrder(database, orderId, p);
  const file = await exportEvidence(database, order.id, exporterOf(p, maySeePersonalData), now);
  return download(`evidence-${order.platformOrderNo}`, file, format);
}

export async function downloadCaseEvidence(
  database: Database, p: Principal, caseId: string, format: EvidenceFormat, now: Date, maySeePersonalData: boolean,
): Promise<EvidenceDownload> {
  const c = await visibleCase(database, caseId, p);
  const file = await exportEvidence(database, c.orderId, exporterOf(p, maySeePersonalData), now, { caseId: c.id });
  return download(`evidence-case-${c.id}`, file, format);
}

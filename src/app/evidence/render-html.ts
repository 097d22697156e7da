// The human-readable half of the evidence bundle: one self-contained HTML page (no scripts, no
// external resources), every text escaped, with the SHA-256 and the audit-chain head printed and
// the exact JSON embedded so the page alone can be re-verified.
import type { EvidenceFile } from './build-bundle.js';

const UPLOAD_KIND_ZH: Record<string, string> = { photo: '照片', chat_excerpt: '聊天记录', courier_record: '快递记录' };

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const AUTHOR_ZH: Record<string, string> = { buyer: '买家', bot: '机器人', agent: '客服', system: '系统' };

function table(headers: string[], rows: unknown[][]): string {
  if (rows.length === 0) return '<p class="empty">（无）</p>';
  const head = headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

export function renderEvidenceHtml(file: EvidenceFile): string {
  const b = file.bundle;
  const o = b.order;
  const json = JSON.stringify(file).replace(/</g, '\\u003c');
  const sections = [
    `<h1>证据包 · 订单 ${escapeHtml(o.platformOrderNo)}${b.focusCaseId ? ` · 售后单 ${escapeHtml(b.focusCaseId)}` : ''}</h1>`,
    `<dl><dt>店铺</dt><dd>${escapeHtml(b.shop.name)}（${escapeHtml(b.shop.platform)}）</dd>`,
    `<dt>生成时间</dt><dd>${escapeHtml(b.generatedAt)}</dd><dt>导出人</dt><dd>${escapeHtml(b.generatedBy.displayName)}</dd>`,
    `<dt>SHA-256</dt><dd class="mono">${escapeHtml(file.sha256)}</dd>`,
    `<dt>审计日志记录</dt><dd class="mono">${escapeHtml(file.auditEntryHash)}</dd>`,
    `<dt>导出前审计链头</dt><dd class="mono">${escapeHtml(b.auditChainHead ? `#${b.auditChainHead.id} ${b.auditChainHead.hash}` : '（空）')}</dd></dl>`,
    b.personalDataMasked ? '<p class="note">按导出人权限，手机号与地址已打码。</p>' : '',
    '<h2>订单</h2>',
    table(['状态', '买家', '实付(元)', '已退(元)', '付款', '发货', '快递', '运单号', '收货人', '电话', '地址'],
      [[o.state, o.buyerAccount, o.paidYuan, o.refundYuan, o.paidAt, o.shippedAt, o.courier, o.trackingNo, o.receiverName, o.receiverPhone, o.receiverAddress]]),
    table(['#', '商品', 'SKU', '颜色', '尺码', '数量', '单价(元)'], o.lines.map((l) => [l.lineNo, l.title, l.sku, l.colour, l.size, l.qty, l.priceYuan])),
    '<h2>订单记录</h2>',
    table(['时间', '从', '到', '事件', '操作方', '备注'], b.orderHistory.map((h) => [h.at, h.from, h.to, h.event, `${h.actorKind}${h.actorId ? ` ${h.actorId}` : ''}`, h.note])),
    '<h2>物流</h2>',
    table(['时间', '状态', '说明'], b.logistics.map((l) => [l.at, l.status, l.text])),
    '<h2>售后单</h2>',
    ...b.cases.map((c) => `<h3>${escapeHtml(c.id)} · ${escapeHtml(c.type)} · ${escapeHtml(c.reason)} · ¥${escapeHtml(c.amountYuan)} · ${escapeHtml(c.state)}</h3>` +
      table(['时间', '从', '到', '事件', '操作方', '备注'], c.timeline.map((e) => [e.at, e.from, e.to, e.event, e.actorKind, e.note]))),
    b.cases.length === 0 ? '<p class="empty">（无）</p>' : '',
    '<h2>聊天记录（完整）</h2>',
    ...b.conversations.map((c) => `<h3>会话 ${escapeHtml(c.id)} · ${escapeHtml(c.channel)} · ${escapeHtml(c.startedAt)}</h3>` +
      table(['#', '时间', '发送方', '内容', '渠道消息号'], c.messages.map((m) => [m.seq, m.at, AUTHOR_ZH[m.authorKind] ?? m.authorKind, m.text, m.channelMessageId]))),
    b.conversations.length === 0 ? '<p class="empty">（无）</p>' : '',
    '<h2>聊天中的承诺</h2>',
    table(['时间', '类型', '内容', '状态'], b.promises.map((p) => [p.at, p.kind, p.text, p.state])),
    '<h2>附件清单</h2>',
    table(['来源', '引用'], b.attachments.map((a) => [a.source, a.ref])),
    '<h2>上传的凭证</h2>',
    table(['时间', '售后单', '类型', '文件', '大小(字节)', 'SHA-256', '备注', '文字内容'],
      (b.uploads ?? []).map((u) => [u.uploadedAt, u.caseId, UPLOAD_KIND_ZH[u.kind] ?? u.kind, u.fileName, u.sizeBytes, u.sha256, u.note, u.text])),
    '<h2>校验</h2>',
    '<p>用 <code>dxe evidence verify 文件.json</code> 重新计算 SHA-256；下方为完整 JSON。</p>',
    `<script type="application/json" id="evidence">${json}</script>`,
  ];
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>证据包 ${escapeHtml(o.platformOrderNo)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:.5em 0 1.5em;width:100%}th,td{border:1px solid #ccc;padding:4px 6px;text-align:left;vertical-align:top;white-space:pre-wrap;word-break:break-all}th{background:#f5f5f5}.mono{font-family:monospace}.empty,.note{color:#888}dt{font-weight:bold}dd{margin:0 0 .4em 1em}</style>
</head><body>
${sections.filter(Boolean).join('\n')}
</body></html>
`;
}

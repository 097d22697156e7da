// S1: the buyer notice's own fields (买家须知) in 设置 — shipping cut-off and couriers, regions,
// colour-difference and size-tolerance statements, the return window and its conditions, what is
// not a quality problem, the review policy and extra lines. 检查 regenerates the notice from the
// draft without saving; 保存 sends the fields, the server regenerates the notice and checks every
// line with the reply guard: a line breaking a rule refuses the save (TEXT_BLOCKED) and is shown
// flagged with its rule here, a warning saves and is shown flagged.
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import type { BuyerNoticeFields, BuyerNoticeView } from '../../../src/core/contract/followups.js';
import { ApiError, errorText, post, put } from '../lib/api.js';
import { t } from '../i18n.js';
import { NoticeLines } from './notice-lines.js';

interface Draft {
  shipCutoff: string;
  couriers: string[];
  regions: string[];
  colourNote: string;
  sizeToleranceCm: number | null;
  returnDays: number | null;
  returnConditions: string;
  notQualityProblems: string[];
  reviewPolicy: string;
  extraLines: string;
}

function toDraft(f: BuyerNoticeFields): Draft {
  return {
    shipCutoff: f.shipCutoff, couriers: f.couriers, regions: f.regions ?? [], colourNote: f.colourNote ?? '',
    sizeToleranceCm: f.sizeToleranceCm ?? null, returnDays: f.returnDays, returnConditions: f.returnConditions,
    notQualityProblems: f.notQualityProblems ?? [], reviewPolicy: f.reviewPolicy ?? '', extraLines: (f.extraLines ?? []).join('\n'),
  };
}

/** The request body: empty optional fields are left out (the notice then uses its standard wording). */
function toFields(d: Draft): Record<string, unknown> {
  const trimmed = (xs: string[]) => xs.map((x) => x.trim()).filter(Boolean);
  const lines = trimmed(d.extraLines.split('\n'));
  return {
    shipCutoff: d.shipCutoff.trim(),
    couriers: trimmed(d.couriers),
    returnDays: d.returnDays,
    returnConditions: d.returnConditions.trim(),
    ...(trimmed(d.regions).length ? { regions: trimmed(d.regions) } : {}),
    ...(d.colourNote.trim() ? { colourNote: d.colourNote.trim() } : {}),
    ...(d.sizeToleranceCm !== null ? { sizeToleranceCm: d.sizeToleranceCm } : {}),
    ...(trimmed(d.notQualityProblems).length ? { notQualityProblems: trimmed(d.notQualityProblems) } : {}),
    ...(d.reviewPolicy.trim() ? { reviewPolicy: d.reviewPolicy.trim() } : {}),
    ...(lines.length ? { extraLines: lines } : {}),
  };
}

/** The checked notice a refused save carries (TEXT_BLOCKED details.notice), when present. */
function refusedNotice(e: unknown): BuyerNoticeView | null {
  if (!(e instanceof ApiError) || e.code !== 'TEXT_BLOCKED') return null;
  const d = e.details as { notice?: BuyerNoticeView } | undefined;
  return d?.notice ?? null;
}

export function BuyerNoticeEditor({ shopId }: { shopId: string }) {
  const { message: toast } = App.useApp();
  const path = `/shops/${encodeURIComponent(shopId)}/buyer-notice`;
  const [draft, setDraft] = useState<Draft | null>(null);
  const [view, setView] = useState<BuyerNoticeView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const v = await post<BuyerNoticeView>(path, {});
      setView(v);
      setDraft(toDraft(v.fields));
    } catch (e) {
      setError(errorText(e));
    }
  }, [path]);
  useEffect(() => {
    void load();
  }, [load]);

  if (!draft) return error ? <Alert type="error" message={error} /> : null;
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft({ ...draft, [k]: v });

  const run = async (save: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const fields = toFields(draft);
      const v = save ? await put<BuyerNoticeView>(path, fields) : await post<BuyerNoticeView>(path, { draft: fields });
      setView(v);
      if (save) {
        if (v.flagged > 0) void toast.warning(t('settings.notice.savedFlagged', { n: v.flagged }), 8);
        else void toast.success(t('common.saved'));
      }
    } catch (e) {
      // Not saved: the message names the line and the rule; the notice shows where.
      setError(errorText(e));
      const notice = refusedNotice(e);
      if (notice) setView(notice);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Row gutter={24} data-testid="notice-editor">
      <Col flex="460px">
        <Typography.Paragraph type="secondary">{t('settings.notice.hint')}</Typography.Paragraph>
        <Form layout="vertical" size="small">
          <Form.Item label={t('settings.notice.shipCutoff')}>
            <Input value={draft.shipCutoff} onChange={(e) => set('shipCutoff', e.target.value)} placeholder="16:00" style={{ width: 120 }} data-testid="notice-field-shipCutoff" />
          </Form.Item>
          <Form.Item label={t('settings.notice.couriers')}>
            <Select mode="tags" value={draft.couriers} onChange={(v) => set('couriers', v)} open={false} tokenSeparators={['，', ',', '、']} data-testid="notice-field-couriers" />
          </Form.Item>
          <Form.Item label={t('settings.notice.regions')}>
            <Select mode="tags" value={draft.regions} onChange={(v) => set('regions', v)} open={false} tokenSeparators={['，', ',', '、']} data-testid="notice-field-regions" />
          </Form.Item>
          <Form.Item label={t('settings.notice.colourNote')}>
            <Input.TextArea rows={2} value={draft.colourNote} onChange={(e) => set('colourNote', e.target.value)} placeholder={t('settings.notice.standardWording')} data-testid="notice-field-colourNote" />
          </Form.Item>
          <Form.Item label={t('settings.notice.sizeTolerance')}>
            <InputNumber min={0} max={20} step={0.5} value={draft.sizeToleranceCm} onChange={(v) => set('sizeToleranceCm', v)} placeholder="2" data-testid="notice-field-sizeToleranceCm" />
          </Form.Item>
          <Form.Item label={t('settings.notice.returnDays')}>
            <InputNumber min={0} max={90} value={draft.returnDays} onChange={(v) => set('returnDays', v)} data-testid="notice-field-returnDays" />
          </Form.Item>
          <Form.Item label={t('settings.notice.returnConditions')}>
            <Input.TextArea rows={2} value={draft.returnConditions} onChange={(e) => set('returnConditions', e.target.value)} data-testid="notice-field-returnConditions" />
          </Form.Item>
          <Form.Item label={t('settings.notice.notQuality')}>
            <Select mode="tags" value={draft.notQualityProblems} onChange={(v) => set('notQualityProblems', v)} open={false} tokenSeparators={['；', ';']} data-testid="notice-field-notQualityProblems" />
          </Form.Item>
          <Form.Item label={t('settings.notice.reviewPolicy')}>
            <Input.TextArea rows={2} value={draft.reviewPolicy} onChange={(e) => set('reviewPolicy', e.target.value)} placeholder={t('settings.notice.standardWording')} data-testid="notice-field-reviewPolicy" />
          </Form.Item>
          <Form.Item label={t('settings.notice.extraLines')}>
            <Input.TextArea rows={3} value={draft.extraLines} onChange={(e) => set('extraLines', e.target.value)} data-testid="notice-field-extraLines" />
          </Form.Item>
        </Form>
        <Space>
          <Button onClick={() => void run(false)} loading={busy} data-testid="notice-check">{t('settings.notice.check')}</Button>
          <Button type="primary" onClick={() => void run(true)} loading={busy} data-testid="notice-save">{t('common.save')}</Button>
        </Space>
        {error && <Alert type="error" showIcon message={error} style={{ marginTop: 8 }} data-testid="notice-error" />}
      </Col>
      <Col flex="auto" style={{ position: 'sticky', top: 0, alignSelf: 'flex-start' }}>
        <Space direction="vertical" style={{ width: '100%' }}>{view && <NoticeLines view={view} />}</Space>
      </Col>
    </Row>
  );
}

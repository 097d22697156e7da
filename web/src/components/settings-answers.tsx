// Standard answers per intent (C12): several phrasings with the same meaning, one per line, and a
// preview of how the buyer sees the first one (split into short messages, C4).
import { useEffect, useState } from 'react';
import { App, Button, Col, Empty, Input, Menu, Row, Typography } from 'antd';
import { INTENT_IDS } from '../../../src/core/intents.js';
import { put, errorText } from '../lib/api.js';
import { useApi } from '../lib/use-api.js';
import { splitReply } from '../../../src/core/contract/split-reply.js';
import { answerKeyLabel, t } from '../i18n.js';
import { LoadError, MissingRoute } from './missing-route.js';
import { warningText, type SaveWarning } from './settings-shop.js';
import type { StandardAnswerView as Answer } from '../lib/types.js';

/** Stored keys (intent or intent.situation) in intent order, plus intents with no answer yet. */
function menuKeys(items: Answer[]): string[] {
  const order = (k: string) => {
    const i = (INTENT_IDS as readonly string[]).indexOf(k.split('.')[0] ?? k);
    return i < 0 ? INTENT_IDS.length : i;
  };
  const keys = new Set(items.map((a) => a.intent));
  for (const id of INTENT_IDS) if (![...keys].some((k) => k === id || k.startsWith(`${id}.`))) keys.add(id);
  return [...keys].sort((a, b) => order(a) - order(b) || a.localeCompare(b));
}

export function AnswersEditor({ shopId }: { shopId: string }) {
  const { message: toast } = App.useApp();
  const path = `/shops/${encodeURIComponent(shopId)}/standard-answers`;
  const res = useApi<{ items: Answer[] }>(path);
  const [intent, setIntent] = useState<string>('greeting');
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const found = res.data?.items.find((a) => a.intent === intent);
    setText((found?.variants ?? []).join('\n'));
  }, [res.data, intent]);

  if (res.missing) return <MissingRoute path={`/api/v1${path}`} />;
  if (res.error) return <LoadError error={res.error} />;

  const variants = text.split('\n').map((s) => s.trim()).filter(Boolean);
  const save = async () => {
    setSaving(true);
    try {
      const saved = await put<{ warnings?: SaveWarning[] }>(path, { items: [{ intent, variants }] });
      const warnings = saved?.warnings ?? [];
      // Issue 11: a warning saves, but the agent sees which rule and why.
      if (warnings.length > 0) void toast.warning(`${t('guard.savedWithWarnings')} ${warnings.map(warningText).join('；')}`, 8);
      else void toast.success(t('common.saved'));
      res.reload();
    } catch (e) {
      void toast.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Row gutter={16}>
      <Col flex="240px">
        <Menu
          style={{ maxHeight: 560, overflowY: 'auto' }}
          selectedKeys={[intent]}
          onClick={(e) => setIntent(e.key)}
          items={menuKeys(res.data?.items ?? []).map((key) => ({
            key,
            label: `${answerKeyLabel(key)}（${res.data?.items.find((a) => a.intent === key)?.variants.length ?? 0}）`,
          }))}
        />
      </Col>
      <Col flex="auto">
        <Typography.Text strong>{t('settings.variants')}</Typography.Text>
        <Input.TextArea rows={10} value={text} onChange={(e) => setText(e.target.value)} style={{ marginTop: 8 }} data-testid="answers-text" />
        <Button type="primary" style={{ marginTop: 8 }} loading={saving} onClick={() => void save()} disabled={variants.length === 0}>
          {t('common.save')}
        </Button>
      </Col>
      <Col flex="300px">
        <Typography.Text strong>{t('settings.preview')}</Typography.Text>
        <div style={{ background: '#f5f5f5', padding: 12, marginTop: 8, minHeight: 200, borderRadius: 6 }}>
          {variants.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            splitReply(variants[0] ?? '').map((line, i) => (
              <div key={i} style={{ background: '#fff1e8', border: '1px solid #ffd8bf', borderRadius: 6, padding: '4px 8px', marginBottom: 6 }}>
                {line}
              </div>
            ))
          )}
        </div>
      </Col>
    </Row>
  );
}

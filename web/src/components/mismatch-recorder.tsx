// N3 on the case drawer: an agent records a description-mismatch complaint's kind (material, flaw
// affecting use or not, trivial) and whether the platform upheld it; the penalty ledger counts
// the repetition. A platform whose rules give no mismatch table refuses in Chinese.
import { useState } from 'react';
import { Alert, Button, Checkbox, Select, Space } from 'antd';
import { errorText, post } from '../lib/api.js';
import { t, type MessageKey } from '../i18n.js';

const KINDS = ['material', 'flaw_affecting_use', 'flaw_not_affecting_use', 'trivial'] as const;

export function MismatchRecorder({ caseId }: { caseId: string }) {
  const [kind, setKind] = useState<string | null>(null);
  const [upheld, setUpheld] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async () => {
    if (!kind) return;
    setBusy(true);
    try {
      await post(`/cases/${encodeURIComponent(caseId)}/mismatch`, { kind, upheld });
      setResult({ ok: true, text: t('pen.record.saved') });
    } catch (e) {
      setResult({ ok: false, text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="mismatch-recorder">
      <Space wrap>
        <Select
          style={{ width: 260 }}
          placeholder={t('pen.record.kind')}
          value={kind}
          onChange={setKind}
          options={KINDS.map((k) => ({ value: k, label: t(`pen.kind.${k}` as MessageKey) }))}
          data-testid="mismatch-kind"
        />
        <Checkbox checked={upheld} onChange={(e) => setUpheld(e.target.checked)}>{t('pen.record.upheld')}</Checkbox>
        <Button onClick={submit} loading={busy} disabled={!kind} data-testid="mismatch-save">{t('pen.record.mismatch')}</Button>
      </Space>
      {result && <Alert type={result.ok ? 'success' : 'error'} showIcon message={result.text} data-testid="mismatch-result" />}
    </Space>
  );
}

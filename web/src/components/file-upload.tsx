// A button that sends one chosen file as the raw body of a POST (an order or review export) and
// shows the import's outcome beside it, in the user's words or the server's error.
import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../lib/api.js';

export interface ImportOutcome {
  imported: number;
  updated: number;
  skipped: number;
  errorCount: number;
  errors: Array<{ line: number; reason: string }>;
}

export function FileUpload<T extends ImportOutcome>({ path, label, testId, describe, onDone }: {
  /** The POST path without the file name; `?name=` is added. */
  path: string;
  label: string;
  testId: string;
  describe: (r: T) => string;
  onDone: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const upload = async (file: File) => {
    setBusy(true);
    setResult(null);
    try {
      const r = await api<T>('POST', `${path}?name=${encodeURIComponent(file.name.slice(0, 200))}`, file);
      setResult({ ok: true, text: describe(r) });
      onDone();
    } catch (e) {
      setResult({ ok: false, text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space size={8}>
      <label>
        <input
          type="file"
          accept=".csv,.tsv,.xlsx,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          style={{ display: 'none' }}
          disabled={busy}
          data-testid={`${testId}-input`}
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void upload(f);
          }}
        />
        <Button loading={busy} onClick={(e) => (e.currentTarget.parentElement?.querySelector('input[type=file]') as HTMLInputElement | null)?.click()}>
          {label}
        </Button>
      </label>
      {result && (
        <Typography.Text type={result.ok ? 'success' : 'danger'} data-testid={`${testId}-result`}>
          {result.text}
        </Typography.Text>
      )}
    </Space>
  );
}

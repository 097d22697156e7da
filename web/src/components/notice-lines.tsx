// S1: a generated buyer notice (买家须知), line by line, with each flagged line marked and its rule
// named in Chinese (a 疑似 finding of the guard's learned layer in gold, not counted).
import { Alert, Card, Tag, Tooltip } from 'antd';
import type { BuyerNoticeView } from '../../../src/core/contract/followups.js';
import { t } from '../i18n.js';

export function NoticeLines({ view }: { view: BuyerNoticeView }) {
  return (
    <>
      <Alert
        type={view.flagged > 0 ? 'warning' : 'success'}
        message={view.flagged > 0 ? t('followups.notice.flagged', { n: view.flagged }) : t('followups.notice.clean')}
        data-testid="notice-summary"
      />
      {view.notices.map((n) => (
        <Card key={n.lang} size="small" title={n.lang === 'zh' ? '买家须知' : 'Buyer notice (English)'}>
          {n.lines.map((l, i) => (
            <div
              key={i}
              style={{ marginBottom: 6, padding: 4, background: l.flags.some((f) => !f.suspected) ? '#fff1f0' : undefined }}
              data-testid="notice-line"
              data-field={l.field}
              data-flagged={l.flags.some((f) => !f.suspected) ? 'true' : 'false'}
            >
              <Tag>{l.section}</Tag>
              <span>{l.text}</span>
              {l.flags.map((f, j) => (
                <Tooltip key={j} title={f.message}>
                  <Tag color={f.suspected ? 'gold' : f.severity === 'block' ? 'red' : 'orange'} style={{ marginLeft: 6 }} data-testid="notice-flag">
                    {f.suspected ? '疑似 ' : ''}{f.title}（{f.rule}）
                  </Tag>
                </Tooltip>
              ))}
              {l.flags.filter((f) => !f.suspected).map((f, j) => (
                <div key={`m${j}`} style={{ color: '#a8071a', fontSize: 12, marginTop: 2 }} data-testid="notice-flag-message">{f.message}</div>
              ))}
            </div>
          ))}
        </Card>
      ))}
    </>
  );
}

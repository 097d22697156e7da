// Learning from the agents (issue 12): the intent the bot read in a buyer message, and one click
// to relabel it with the right intent of the taxonomy (Chinese names). The relabel becomes an
// example of the shop and its model retrains in the background; a relabelled message shows the
// agent's intent with the bot's after it.
import { App, Dropdown, Tag, Tooltip } from 'antd';
import { INTENT_IDS } from '../../../src/core/intents.js';
import { errorText, post } from '../lib/api.js';
import type { Correction, Message, RelabelReply } from '../lib/types.js';
import { intentLabel, t } from '../i18n.js';

export function IntentRelabel({
  m,
  correction,
  conversationId,
  onRelabelled,
}: {
  m: Message;
  correction?: Correction;
  conversationId: string;
  onRelabelled: (c: Correction) => void;
}) {
  const { message: toast } = App.useApp();
  const current = correction?.newIntent ?? m.intent;
  const relabel = async (intent: string) => {
    if (intent === current) return;
    try {
      const res = await post<RelabelReply>(`/conversations/${encodeURIComponent(conversationId)}/relabel`, { messageId: m.id, intent });
      onRelabelled(res.correction);
      void toast.success(res.retrain === 'waiting' ? t('relabel.doneWaiting') : t('relabel.done'));
    } catch (e) {
      void toast.error(errorText(e));
    }
  };
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: INTENT_IDS.map((i) => ({ key: i, label: <span data-testid={`relabel-option-${i}`}>{intentLabel(i)}</span>, disabled: i === current })),
        onClick: ({ key }) => void relabel(key),
        style: { maxHeight: 320, overflowY: 'auto' },
      }}
    >
      <Tooltip title={t('relabel.hint')}>
        <span style={{ cursor: 'pointer' }} data-testid={`relabel-${m.id}`} data-intent={current ?? ''}>
          {correction ? (
            <Tag color="green" style={{ marginInlineEnd: 0 }} data-testid="intent-corrected">
              {t('relabel.corrected', { s: intentLabel(correction.newIntent), old: intentLabel(correction.oldIntent) })}
            </Tag>
          ) : (
            <span style={{ textDecoration: 'underline dotted' }}>{t('chat.intent', { s: intentLabel(m.intent) })} ✎</span>
          )}
        </span>
      </Tooltip>
    </Dropdown>
  );
}

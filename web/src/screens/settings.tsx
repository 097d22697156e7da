// 设置: per shop — standard answers (C12) with a preview, catalogue and stock, promotions, rule
// overrides (P1), the buyer notice's fields (S1), the shop's 运费模板 (O6), its 物流异常 (O7); per organisation — agents and API tokens (admins).
import { useState } from 'react';
import { Select, Tabs, Typography } from 'antd';
import { TrainingExamples } from '../components/settings-examples.js';
import { useSession } from '../lib/session.js';
import { t } from '../i18n.js';
import { AnswersEditor } from '../components/settings-answers.js';
import { ItemsTable, PromotionsTable, RuleOverrides } from '../components/settings-shop.js';
import { AgentsTable, TokensTable } from '../components/settings-org.js';
import { BuyerNoticeEditor } from '../components/settings-notice.js';
import { ShippingFeesEditor } from '../components/settings-shipping.js';
import { DisruptionsEditor } from '../components/settings-disruptions.js';

export default function SettingsScreen() {
  const { shops, tabs } = useSession();
  // Issue 15: only the parts the role may use (GET /me's tabs, from server/route-access.ts).
  const may = (key: string) => tabs.includes(`settings.${key}`);
  const [shopId, setShopId] = useState(shops[0]?.id ?? '');
  const shopTabs = shopId
    ? [
        { key: 'answers', label: t('settings.answers'), children: <AnswersEditor key={shopId} shopId={shopId} /> },
        { key: 'items', label: t('settings.items'), children: <ItemsTable key={shopId} shopId={shopId} /> },
        { key: 'promotions', label: t('settings.promotions'), children: <PromotionsTable key={shopId} shopId={shopId} /> },
        { key: 'rules', label: t('settings.rules'), children: <RuleOverrides key={shopId} shopId={shopId} /> },
        { key: 'examples', label: t('settings.examples'), children: <TrainingExamples key={shopId} shopId={shopId} /> },
        { key: 'notice', label: t('settings.notice'), children: <BuyerNoticeEditor key={shopId} shopId={shopId} /> },
        { key: 'shipping', label: t('settings.shipping'), children: <ShippingFeesEditor key={shopId} shopId={shopId} /> },
        { key: 'disruptions', label: t('settings.disruptions'), children: <DisruptionsEditor key={shopId} shopId={shopId} /> },
      ].filter((x) => may(x.key))
    : [];
  return (
    <div style={{ padding: 16, height: '100%', overflow: 'auto' }} data-testid="settings">
      <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('settings.title')}</Typography.Title>
        <Select style={{ width: 220 }} value={shopId} onChange={setShopId} options={shops.map((s) => ({ value: s.id, label: s.name }))} />
        {/* The id the CLI and the bridge ask for (dxe chat --shop …), copyable. */}
        {shopId && (
          <Typography.Text type="secondary" copyable={{ text: shopId }} data-testid="settings-shop-id">
            {t('settings.shopId', { id: shopId })}
          </Typography.Text>
        )}
      </div>
      <Tabs
        style={{ background: '#fff', padding: '0 16px 16px', marginTop: 12 }}
        items={[
          ...shopTabs,
          { key: 'agents', label: t('settings.agents'), children: <AgentsTable /> },
          { key: 'tokens', label: t('settings.tokens'), children: <TokensTable /> },
        ].filter((x) => shopTabs.includes(x) || may(x.key))}
      />
    </div>
  );
}

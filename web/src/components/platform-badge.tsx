// The marketplace a conversation comes from, in the colours sellers recognise.
import { Tag } from 'antd';
import { platformLabel } from '../i18n.js';

const COLOURS: Record<string, string> = {
  taobao: '#ff5000',
  tmall: '#e1251b',
  jd: '#c91623',
  pdd: '#e02e24',
  aliexpress: '#ff4747',
  widget: '#1677ff',
};

export function PlatformBadge({ platform }: { platform: string }) {
  return (
    <Tag color={COLOURS[platform] ?? 'default'} style={{ marginInlineEnd: 4 }} data-testid="platform-badge">
      {platformLabel(platform)}
    </Tag>
  );
}

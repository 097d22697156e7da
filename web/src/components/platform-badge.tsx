// The marketplace a conversation comes from, in the colours sellers recognise.
import type { Channel } from '../../../src/core/contract/channels.js';
import type { Platform } from '../../../src/core/platforms.js';
import { platformLabel } from '../i18n.js';
import { Pill } from './pill.js';

const COLOURS: Record<string, string> = {
  taobao: '#ff5000',
  tmall: '#e1251b',
  jd: '#c91623',
  pdd: '#e02e24',
  aliexpress: '#ff4747',
  widget: '#1677ff',
  cli: '#8c8c8c',
} satisfies Record<Platform | Exclude<Channel, 'bridge'>, string>;

export function PlatformBadge({ platform }: { platform: string }) {
  return (
    <span data-testid="platform-badge">
      <Pill solid={COLOURS[platform] ?? '#8c8c8c'}>{platformLabel(platform)}</Pill>
    </span>
  );
}

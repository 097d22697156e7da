// A Chinese gloss of a foreign-language buyer message for the agent (issue 12): the language, the
// intent of each question in Chinese and the key entities (sizes, colours, measurements, order
// numbers, regions, couriers). Cheap and partial on purpose: it says what the buyer wants, it is
// not a translation of every word.
import { INTENT_LABELS_ZH, type IntentId } from '../intents.js';
import type { Entities } from '../entities.js';
import { LANGUAGE_NAMES_ZH, type MessageLanguage } from './language.js';

export function glossZh(
  language: MessageLanguage,
  questions: readonly { intent: IntentId; entities: Entities }[],
): string | undefined {
  if (language === 'zh') return undefined;
  const parts = questions.map((q) => {
    const e = q.entities;
    const facts = [
      e.sizes.length ? `尺码${e.sizes.join('/')}` : '',
      e.colours.length ? `颜色${e.colours.join('/')}` : '',
      e.measurements.heightCm !== undefined ? `身高${e.measurements.heightCm}cm` : '',
      e.measurements.weightJin !== undefined ? `体重${e.measurements.weightJin}斤` : '',
      e.orderNos.length ? `订单${e.orderNos.join('、')}` : '',
      e.regions.length ? `地区${e.regions.join('、')}` : '',
      e.couriers.length ? `快递${e.couriers.join('、')}` : '',
    ].filter(Boolean);
    return `${INTENT_LABELS_ZH[q.intent]}${facts.length ? `（${facts.join('，')}）` : ''}`;
  });
  return `[${LANGUAGE_NAMES_ZH[language]}] 买家问：${parts.join('；')}`;
}

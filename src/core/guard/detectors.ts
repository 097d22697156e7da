// The rule families the guard runs, one file each under rules/ (D8 is promise extraction).
import { d1OffPlatformPayment } from './rules/d1-off-platform-payment.js';
import { d2ContactDetails } from './rules/d2-contact-details.js';
import { d3Rudeness } from './rules/d3-rudeness.js';
import { d4Invoice } from './rules/d4-invoice.js';
import { d5FreeShipping } from './rules/d5-free-shipping.js';
import { d6BuyerPrivacy } from './rules/d6-buyer-privacy.js';
import { d7CloseOrder } from './rules/d7-close-order.js';
import { d9ReviewReward } from './rules/d9-review-reward.js';
import { d10Tone } from './rules/d10-tone.js';
import { d11DeliveryTime } from './rules/d11-delivery-time.js';
import type { Detector } from './types.js';

export const DETECTORS: readonly Detector[] = [
  d1OffPlatformPayment,
  d2ContactDetails,
  d3Rudeness,
  d4Invoice,
  d5FreeShipping,
  d6BuyerPrivacy,
  d7CloseOrder,
  d9ReviewReward,
  d10Tone,
  d11DeliveryTime,
];

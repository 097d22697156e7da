// Every order-file format we read, most specific first (detection picks the best match).
import { aliexpressOrderList } from './aliexpress-order-list.js';
import { jdOrderList } from './jd-order-list.js';
import { jdSettlement } from './jd-settlement.js';
import { pddOrderDetail } from './pdd-order-detail.js';
import { taobaoOrderList } from './taobao-order-list.js';
import { tmallOrderDetail } from './tmall-order-detail.js';
import { tmallOrderReport } from './tmall-order-report.js';
import type { OrderFileFormat } from '../types.js';

export const ORDER_FILE_FORMATS: readonly OrderFileFormat[] = [
  taobaoOrderList,
  tmallOrderDetail,
  tmallOrderReport,
  pddOrderDetail,
  jdOrderList,
  jdSettlement,
  aliexpressOrderList,
];

export const FORMAT_IDS = ORDER_FILE_FORMATS.map((f) => f.id);

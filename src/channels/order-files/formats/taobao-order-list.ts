// Taobao/Tmall 卖家中心 “已卖出的宝贝” order list (ExportOrderList*.csv, 43 columns, one row per
// order). Column names as the platform writes them, several with a trailing space (we trim).
import { provinceOf } from '../province.js';
import { taobaoState } from '../order-states.js';
import type { NormalisedOrder, OrderFileFormat, Row } from '../types.js';
import { count, extras, money, orderNo, text, time } from './fields.js';

const KEPT = [
  '买家支付宝账号', '买家支付积分', '返点积分', '买家实际支付积分', '运送方式', '宝贝种类', '店铺Id',
  '店铺名称', '订单关闭原因', '卖家服务费', '买家服务费', '发票抬头', '是否手机订单', '分阶段订单信息',
  '特权订金订单id', '定金排名', '修改后的sku', '异常信息', '天猫卡券抵扣', '集分宝抵扣', '是否是O2O交易',
];

function toOrder(row: Row): NormalisedOrder {
  const goodsFen = money(row, '买家应付货款');
  const qty = count(row, '宝贝总数量') ?? 1;
  const address = text(row, '修改后的收货地址') ?? text(row, '收货地址');
  const title = text(row, '宝贝标题');
  return {
    platformOrderNo: orderNo(row, '订单编号'),
    state: taobaoState(row.get('订单状态')),
    stateWord: row.get('订单状态'),
    totalFen: money(row, '总金额'),
    paidFen: money(row, '买家实际支付金额'),
    shippingFen: money(row, '买家应付邮费'),
    orderedAt: time(row, '订单创建时间'),
    paidAt: time(row, '订单付款时间'),
    buyerAccount: text(row, '买家会员名'),
    receiverName: text(row, '收货人姓名'),
    receiverPhone: text(row, '联系手机') ?? text(row, '联系电话'),
    receiverAddress: address,
    region: provinceOf(address),
    courier: text(row, '物流公司'),
    trackingNo: text(row, '物流单号'),
    buyerNote: text(row, '买家留言'),
    sellerNote: text(row, '订单备注'),
    lineSource: title ? 'summary' : 'none',
    lines: title
      ? [{ key: 'summary', title, qty, priceFen: goodsFen !== undefined && qty > 0 ? Math.round(goodsFen / qty) : 0 }]
      : [],
    extra: extras(row, KEPT),
  };
}

export const taobaoOrderList: OrderFileFormat = {
  id: 'taobao-order-list',
  nameZh: '淘宝/天猫 已卖出的宝贝 订单报表',
  platforms: ['taobao', 'tmall'],
  required: ['订单编号', '买家会员名', '订单状态', '总金额', '买家实际支付金额', '订单创建时间'],
  grouped: false,
  orderNo: (row) => orderNo(row, '订单编号'),
  toOrder,
};

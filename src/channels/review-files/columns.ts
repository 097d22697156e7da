// The columns of the platforms' review exports (issue 13) that the importer understands, with the
// names each back-end writes (docs/review-import.md says where they come from). A file needs the
// review text and its time, and either a review id or an order number; all else is optional.
import { normaliseColumn } from '../files/header.js';

export type ReviewField =
  | 'reviewId'
  | 'orderNo'
  | 'itemId'
  | 'itemTitle'
  | 'sku'
  | 'buyer'
  | 'rating'
  | 'stars'
  | 'description'
  | 'service'
  | 'logistics'
  | 'text'
  | 'at'
  | 'followUpText'
  | 'followUpAt'
  | 'reply'
  | 'replyAt'
  | 'kind'
  | 'parentId';

/** Header names per field, normalised (no spaces, ASCII parentheses). First match wins. */
export const REVIEW_COLUMNS: Record<ReviewField, string[]> = {
  reviewId: ['评价ID', '评价id', '评论ID', '评论id', '评价编号', '评论编号', 'ReviewID', 'review_id', 'FeedbackID'],
  orderNo: ['订单编号', '订单号', '子订单编号', '主订单编号', '订单ID', '订单id', 'OrderID', 'OrderNo', 'order_no'],
  itemId: ['宝贝ID', '宝贝id', '商品ID', '商品id', '商品编号', '商品编码', 'ProductID', 'item_id'],
  itemTitle: ['宝贝标题', '宝贝名称', '商品名称', '商品标题', '商品', 'ProductName', 'Product'],
  sku: ['SKU', 'sku', '商品属性', '销售属性', 'SKU属性', '规格', '商品规格', 'SKUInfo'],
  buyer: ['买家昵称', '买家账号', '买家', '会员名', '评价人', '用户名', '用户昵称', '买家ID', 'Buyer', 'BuyerName'],
  rating: ['评价结果', '评价类型', '评价等级', '评价', '好中差评', 'FeedbackType'],
  stars: ['评分', '星级', '商品评分', '评价星级', '综合评分', 'Rating', 'Stars', 'Score'],
  description: ['描述相符', '描述相符评分', '宝贝与描述相符', '商品描述'],
  service: ['服务态度', '服务态度评分', '卖家服务', '卖家的服务态度'],
  logistics: ['物流服务', '物流服务评分', '物流速度', '卖家发货的速度'],
  text: ['评价内容', '评论内容', '初评内容', '首次评价内容', '评价详情', 'Review', 'Feedback', 'Comment'],
  at: ['评价时间', '评论时间', '初评时间', '评价日期', 'ReviewDate', 'Date', 'FeedbackTime'],
  followUpText: ['追评内容', '追加评论', '追加评价', '追评', 'AdditionalReview'],
  followUpAt: ['追评时间', '追加评论时间', '追加评价时间'],
  reply: ['商家回复', '卖家回复', '卖家解释', '解释内容', '回复内容', '商家解释', 'SellerReply'],
  replyAt: ['回复时间', '解释时间', '商家回复时间'],
  kind: ['评价性质', '评论类型', '是否追评'],
  parentId: ['原评价ID', '初评ID', '主评价ID'],
};

export type ColumnMap = Partial<Record<ReviewField, number>>;

/** The fields a header row names, or undefined when it is not a review header. */
export function mapReviewHeader(cells: readonly string[]): ColumnMap | undefined {
  const names = cells.map((c) => normaliseColumn(c));
  const map: ColumnMap = {};
  for (const [field, aliases] of Object.entries(REVIEW_COLUMNS) as Array<[ReviewField, string[]]>) {
    for (const alias of aliases) {
      const at = names.findIndex((n, i) => n === alias && !Object.values(map).includes(i));
      if (at >= 0) {
        map[field] = at;
        break;
      }
    }
  }
  const usable = map.text !== undefined && map.at !== undefined && (map.reviewId !== undefined || map.orderNo !== undefined);
  return usable ? map : undefined;
}

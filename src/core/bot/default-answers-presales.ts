// Default standard answers, pre-sales part: welcome, stock, size, product facts, recommendation,
// bargaining, promotions and free shipping (C3, C5, C6, C7, C11). See default-answers.ts.
import { A } from './default-answers-service.js';
import type { StandardAnswer } from './types.js';

export const PRESALES_ANSWERS: StandardAnswer[] = [
  // C3: agent + shop + emoticon; never a bare 在.
  A(
    'welcome',
    '您好，欢迎光临{shop.name}，我是{shop.agent}，很高兴为您服务 ^_^',
    '亲，在的呢，正等着您呢！我是{shop.agent}，{shop.name}竭诚为您服务 [微笑]',
    '您好呀，我是{shop.name}的{shop.agent}，有什么可以帮您的尽管说哦 ^_^',
  ),
  A('greeting', '亲，在的呢，请问还有什么可以帮您的？', '我一直都在哦，亲有什么想了解的尽管问 ^_^'),

  A(
    'stock.in',
    '亲，{item.title}的{variant}现在有货的，拍下就能安排发货哦',
    '有的亲，{variant}目前库存充足，放心拍哦 ^_^',
  ),
  A(
    'stock.low',
    '亲，{variant}还有货，不过只剩{stock.count}件了，喜欢的话建议早点拍下哦',
    '有的亲，{variant}库存只剩{stock.count}件，要的话尽快下单，我帮您留意着',
  ),
  A(
    'stock.colours',
    '亲，{item.title}现在有货的颜色有：{item.colours}，您看喜欢哪个颜色？',
    '这款目前可以选{item.colours}，亲喜欢哪一个，我帮您看看尺码库存',
  ),
  A(
    'stock.variant_out',
    '真是不好意思亲，{variant}刚好卖完了[抱拳]\n同款还有{item.colours}有货，要不要看看？',
    '亲，非常抱歉，{variant}暂时断货了\n这款的{item.colours}还有货，颜色也很好看，给您参考一下哦',
  ),
  A(
    'stock.item_out',
    '真是不好意思亲，{item.title}这款卖完了[抱拳]\n店里有几款相似的，给您看一下吧',
    '亲，非常抱歉，这款太受欢迎已经卖空了\n我给您挑了几款款式和价位差不多的，您看看喜不喜欢',
  ),
  A(
    'stock.size_out',
    '真是不好意思亲，{variant}刚好卖完了[抱拳]\n我给您找了几款相似的有这个码，您看看喜不喜欢',
    '亲，非常抱歉，{variant}暂时断码了\n店里有几款差不多的还有这个码，给您参考一下哦',
  ),
  A(
    'stock.restock',
    '预计{restock.date}左右补货，到时候您可以再来看看哦',
    '这款大概{restock.date}会补货，建议先加购物车，补货后方便找到',
  ),
  A(
    'stock.ask_item',
    '亲，您问的是哪一款宝贝呢？发个链接给我，我马上帮您查库存',
    '亲，麻烦把想要的宝贝链接发我一下，我帮您看看颜色尺码有没有货',
  ),

  A(
    'size_fit.advice',
    '亲，按您{size.basis}，建议拍{size}码，穿着会比较合身哦',
    '根据您{size.basis}，{size}码比较合适，亲可以放心选',
  ),
  A(
    'size_fit.between',
    '亲，按您{size.basis}，刚好在{size.small}码和{size}码之间\n建议拍{size}码，活动起来更舒服，不会紧绷哦',
    '您{size.basis}，介于{size.small}码和{size}码之间，我建议选{size}码\n这样穿着宽松舒适，不容易紧哦',
  ),
  A(
    'size_fit.ask',
    '亲，方便告诉我您的身高和体重吗？我帮您参考一下尺码',
    '亲，您平时多高、多重呢？告诉我的话我帮您挑最合适的码 ^_^',
  ),
  A(
    'size_fit.ask_weight',
    '亲方便再告诉我一下体重吗？身高体重一起看，推荐会更准哦',
    '再麻烦亲说一下体重，我帮您把尺码核对得更准确一些',
  ),
  A(
    'size_fit.ask_height',
    '亲方便再告诉我一下身高吗？身高体重一起看，推荐会更准哦',
    '再麻烦亲说一下身高，我帮您把尺码核对得更准确一些',
  ),
  A(
    'size_fit.outside',
    '亲，按您的身材数据，这款的尺码表覆盖不太到\n我请同事帮您仔细量一下实物尺寸再推荐，稍等哦',
    '您的数据在这款尺码表的边上，为了不让您拍错，我请同事帮您核对一下实物尺寸哦',
  ),

  A(
    'product_info.attr',
    '亲，{item.title}的{attr.name}是{attr.value}哦',
    '这款的{attr.name}：{attr.value}，亲可以放心选',
  ),
  A(
    'product_info.general',
    '亲，{item.title}现在是{item.price}元，{item.attrs}',
    '这款{item.title}售价{item.price}元，{item.attrs}',
  ),
  A(
    'product_info.need',
    '亲最在意的是穿着舒适、耐穿还是好打理呢？我按您的需要详细给您介绍',
    '您是自己穿还是送人呢？平时什么场合穿得多？我帮您挑更合适的',
  ),

  A(
    'color_appearance',
    '亲，我们的图片都是实物拍摄的，颜色尽量校准过\n因为每台手机、电脑屏幕显示不同，会有一点点色差，请亲理解哦',
    '宝贝都是实拍图，颜色跟实物基本一致\n不同屏幕显示会有轻微色差，这个是正常的哦 ^_^',
  ),

  A(
    'recommend.ask',
    '亲是自己穿还是送人呢？平时喜欢什么风格，我帮您挑最合适的',
    '您比较看重什么呢？比如款式、面料还是价位，我按您的需要推荐',
  ),
  A(
    'recommend.similar',
    '您可以看看这款：{rec.title}，{rec.price}元，跟您看中的风格和价位都差不多',
    '给您推荐{rec.title}，{rec.price}元，款式相近，现在有货哦',
  ),
  A(
    'recommend.cross',
    '另外{rec.title}跟这款很好搭配，{rec.price}元，一起穿效果很好哦',
    '顺便给您推荐一下{rec.title}（{rec.price}元），和这款搭配起来很好看',
  ),
  A(
    'recommend.pick',
    '我推荐{rec.title}，{rec.price}元，是店里卖得很好的一款，性价比很高',
    '可以看看{rec.title}，{rec.price}元，很多亲买了都说好穿',
  ),

  // C7: price set by the company, already the lowest; quality assured; then promotions/gift/freight.
  A(
    'bargain.hold',
    '亲，我们的价格都是公司统一定的，已经是最低价了，质量也是有保证的哦\n一分钱一分货，您可以对比一下面料、做工和售后',
    '非常理解亲想买得更划算，不过价格是公司统一制定的，已经给到最优惠了\n我们的面料做工都经得起对比，售后也有保障，您放心',
  ),
  A(
    'bargain.coupon',
    '价格是统一的哦，不过现在有{coupon.text}\n下单时领取就能用，更划算一些',
    '我帮您看了一下，现在店里有{coupon.text}，领了再拍会优惠一些',
  ),
  A(
    'bargain.gift',
    '看得出您是真心喜欢，这次下单我们送您{gift.text}，希望您穿得开心 ^_^',
    '价格是统一的，不过可以给您{gift.text}，也算我们的一点心意哦',
  ),
  A(
    'bargain.freight',
    '价格这边是统一的，运费上可以给您优惠：{freight.text}',
    '这样吧亲，价格不变，运费我们给您优惠一些：{freight.text}',
  ),
  A(
    'bargain.final',
    '亲，价格真的已经是最实在的了，宝贝品质和售后都有保障，喜欢的话可以放心拍哦',
    '我完全理解您的想法，这个价格已经很实惠了，买回去不满意我们售后都会帮您处理的',
  ),

  A(
    'promotion.list',
    '亲，店铺现在的活动有：{promo.list}，下单前领取就能用哦',
    '现在店里有这些优惠：{promo.list}，亲可以看看',
  ),
  A(
    'promotion.none',
    '亲，现在的价格已经是活动价了，新活动上线会第一时间通知您，收藏店铺就能看到哦',
    '这段时间的价格就是最优惠的，后面有活动我们会在店铺首页公布，亲可以关注一下',
  ),

  A('shipping_fee.free', '亲，本店是包邮的哦，拍下后直接付款就可以', '包邮的亲，放心拍 ^_^'),
  A(
    'shipping_fee.remote',
    '亲，发往{region}的运费以下单页面显示的为准，拍下时页面会自动计算，一目了然哦',
    '亲，{region}路途比较远，具体运费在下单页面会自动显示，您拍下前就能看到',
  ),
  A(
    'shipping_fee.paid',
    '亲，运费按地区计算，拍下时页面会显示具体运费，以页面为准哦',
    '运费是按收货地区算的，下单时会自动显示，亲可以先看一下',
  ),
];

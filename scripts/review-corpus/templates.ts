// Phrases of the review training corpus (issue 13), written for this project: what buyers say
// in praise and in complaint, per product kind and per cause (R8), the turns a service team has
// to read right (sarcasm, 虽然…但是, 就是 + a small complaint, a rating that contradicts the
// text), and the reviews a shop reports (R6). generate.ts combines them into labelled reviews.
import type { CauseId, FlagId } from '../../src/core/reviews/analysis-lexicon.js';

const L = (s: string): string[] => s.split('\n').map((x) => x.trim()).filter(Boolean);

export interface Domain {
  id: string;
  /** What the buyer calls the thing. */
  names: string[];
  praise: string[];
  complaints: Partial<Record<CauseId, string[]>>;
  /** Neutral narration: what happened, no feeling. */
  narration: string[];
}

export const DOMAINS: Domain[] = [
  {
    id: 'clothes',
    names: L(`衣服\n裙子\n外套\n裤子\n T恤\n毛衣\n羽绒服\n卫衣\n衬衫\n大衣\n睡衣\n打底衫`),
    praise: L(`面料很舒服\n版型很正\n穿上很显瘦\n上身效果很好\n做工很精细\n没有线头\n洗了也不变形\n很百搭\n颜色很正\n尺码标准\n穿着很合身\n质感很好\n很有档次\n很保暖\n透气性好\n不起球\n不掉色\n没有异味\n比实体店便宜\n老公说好看`),
    complaints: {
      quality: L(`一洗就掉色\n起球很严重\n线头特别多\n穿一次就开线了\n面料很薄很透\n有一股刺鼻的味道\n洗了一次就缩水了\n布料摸着很粗糙\n扣子掉了\n拉链拉不动\n一点都不保暖\n穿着扎人\n掉毛掉得到处都是\n领口都变形了`),
      size: L(`尺码偏小\n偏大一个码\n按尺码表买的还是小了\n袖子太长了\n裤腿太短\n腰围太紧穿不进去\n肩膀太窄\n大了两个码\n胸围小了扣不上\n衣长太短`),
      color: L(`色差很大\n颜色和图片不一样\n实物颜色发暗\n白色发黄\n颜色偏灰很土\n买的藏青色发来像黑色`),
      description: L(`面料不是描述的纯棉\n和图片款式不一样\n发错了颜色\n少了一条腰带\n明显是穿过的\n吊牌都没有`),
    },
    narration: L(`买来冬天穿的\n给女朋友买的\n身高165体重110买的M\n平时穿L\n上班穿的\n洗过一次了\n看了好久才下单`),
  },
  {
    id: 'shoes',
    names: L(`鞋子\n运动鞋\n皮鞋\n靴子\n拖鞋\n凉鞋\n板鞋`),
    praise: L(`穿着很舒服\n鞋底很软\n走路不累脚\n码数很准\n很轻便\n做工很好没有溢胶\n不磨脚\n透气不闷脚\n很百搭`),
    complaints: {
      quality: L(`穿了一周就开胶了\n鞋底太硬\n磨脚磨出血了\n有很重的胶水味\n鞋面有褶皱\n穿两天鞋底就断了\n走路咯吱响`),
      size: L(`鞋码偏小一码\n挤脚\n偏大半码走路掉跟\n鞋楦太窄\n按平时的码买的穿不进去`),
      color: L(`颜色跟图片差很多\n实物颜色很旧`),
      description: L(`两只鞋不一样大\n发来的不是图片上的款\n鞋盒里少了鞋垫`),
    },
    narration: L(`平时穿39\n给儿子买的\n跑步穿的\n第二双了`),
  },
  {
    id: 'phone',
    names: L(`手机\n新机\n这款手机\n耳机\n充电器\n数据线\n手机壳\n充电宝`),
    praise: L(`运行很流畅\n拍照很清晰\n电池很耐用\n屏幕显示效果很好\n手感很好\n信号很稳定\n充电很快\n音质很好\n系统很好用\n打游戏不卡\n续航给力\n是正品`),
    complaints: {
      quality: L(`用了三天就死机\n发热很严重\n信号很差\n电池不耐用一天充三次\n屏幕有坏点\n充不进电\n经常自动重启\n拍照很模糊\n听筒有杂音\n玩一会游戏就烫手\n用了一个月就坏了\n数据线一折就断`),
      description: L(`说是全新的结果有使用痕迹\n不是正品\n配件不全没有充电头\n内存和标题写的不一样\n发来的是翻新机\n序列号查不到`),
      price: L(`刚买就降价了两百\n比官网还贵\n价保也不给\n买贵了好几百`),
      service: L(`激活后有问题客服就不管了\n售后说要自己寄回去检测\n问客服怎么设置半天不回`),
      packaging: L(`包装盒被拆过\n没有塑封`),
    },
    narration: L(`用了一周了\n给爸妈买的\n之前一直用苹果\n双十一下单的\n自营买的`),
  },
  {
    id: 'computer',
    names: L(`电脑\n笔记本\n平板\n显示器\n键盘\n鼠标\n路由器\n打印机`),
    praise: L(`开机速度很快\n屏幕很清晰\n散热做得不错\n键盘手感很好\n运行很流畅\n办公完全够用\n轻薄方便携带\n系统很稳定\n配置很高\n安装很简单\n无线信号很强`),
    complaints: {
      quality: L(`风扇声音特别大\n用了一个月就开始卡\n经常蓝屏\n屏幕漏光\n键盘有几个键不灵\n散热很差烫手\n电池掉电很快\n触摸板失灵\n无线经常断线\n打印机老是卡纸`),
      description: L(`配置和宣传的不一样\n系统不是正版\n少了电源适配器\n发来的是二手机`),
      service: L(`驱动装不上客服也不会\n技术支持一问三不知\n售后电话打不通`),
      price: L(`比实体店还贵\n买完降价五百`),
      logistics: L(`快递把屏幕压坏了\n等了十天才到`),
    },
    narration: L(`给孩子上网课用\n主要用来办公\n玩游戏用的\n之前的坏了换一个`),
  },
  {
    id: 'fruit',
    names: L(`水果\n苹果\n橙子\n芒果\n猕猴桃\n车厘子\n葡萄\n草莓\n荔枝\n橘子\n香蕉\n西瓜`),
    praise: L(`很新鲜\n个头很大\n很甜很多汁\n口感很好\n没有一个坏的\n包装很用心\n果子很饱满\n家里人都爱吃\n水分很足\n比超市的好吃`),
    complaints: {
      quality: L(`烂了好几个\n一点都不甜\n酸得没法吃\n不新鲜都蔫了\n个头很小\n里面都是坏的\n有很多磕碰\n水分很少很干\n发霉了`),
      logistics: L(`路上走了五天都捂坏了\n快递太慢水果都烂了\n箱子被压扁水果都挤坏了`),
      description: L(`说好的5斤只有4斤\n和图片上的大小差太多\n个头跟描述的不一样`),
      packaging: L(`包装太简陋了连个泡沫都没有\n就一个塑料袋装着`),
      service: L(`坏果联系客服不给赔\n说好的坏果包赔结果不认`),
    },
    narration: L(`买了两箱\n给孩子吃\n第一次买这家的\n过年送人的`),
  },
  {
    id: 'dairy',
    names: L(`牛奶\n酸奶\n奶粉\n纯牛奶\n蒙牛\n伊利`),
    praise: L(`日期很新鲜\n口感很醇厚\n孩子很爱喝\n价格比超市便宜\n奶味很浓\n保质期很长\n每天早上一盒很方便\n一直喝这个牌子放心\n送货上门很方便\n活动买很划算\n味道很好全家都爱喝\n营养又健康`),
    complaints: {
      quality: L(`有几盒胀包了\n喝起来是酸的\n日期都快过期了\n味道很淡像兑了水\n有一股怪味\n喝完肚子不舒服\n有结块变质了\n口感比以前差多了\n难喝`),
      logistics: L(`箱子都压破了好几盒漏了\n送货太慢`),
      price: L(`比超市还贵\n活动价一点不优惠`),
      packaging: L(`外箱破了盒子都是奶\n包装很脏`),
      description: L(`发来的是临期的\n不是图片上的口味`),
    },
    narration: L(`一直喝这个牌子\n囤货买的\n给老人买的`),
  },
  {
    id: 'food',
    names: L(`零食\n坚果\n饼干\n茶叶\n大米\n螺蛳粉\n牛肉干\n月饼\n蜂蜜\n咖啡`),
    praise: L(`很好吃\n很香很脆\n味道很正宗\n颗粒饱满\n分量很足\n日期很新\n甜度刚好\n口感很好\n包装很精美送人有面子`),
    complaints: {
      quality: L(`有一股哈喇味\n都受潮软了\n吃起来有沙子\n太咸了根本吃不下\n有虫子\n过期了\n不新鲜\n吃完拉肚子`),
      description: L(`分量不足\n和图片差别很大\n少发了一袋\n口味发错了`),
      price: L(`太贵了不值这个价\n一斤要这么多钱`),
      packaging: L(`包装袋漏气了\n封口没封好`),
      logistics: L(`快递太慢了`),
    },
    narration: L(`办公室囤的\n追剧的时候吃\n买给小孩`),
  },
  {
    id: 'beauty',
    names: L(`洗发水\n面膜\n口红\n面霜\n沐浴露\n香水\n护手霜\n防晒霜\n洗面奶\n精华`),
    praise: L(`味道很清香\n洗完头发很顺滑\n很补水\n用完皮肤滑滑的\n颜色很显白\n很温和不刺激\n留香很持久\n去屑效果很好\n质地很清爽\n是正品\n用了很多年了一直信赖`),
    complaints: {
      quality: L(`用完脸上起红疹过敏了\n洗完头皮很痒\n味道很刺鼻\n一点效果都没有\n很油腻闷痘\n留香不到一小时\n越用头屑越多`),
      color: L(`口红颜色和试色差太多\n实物颜色偏橘`),
      description: L(`怀疑是假货\n防伪码查不到\n包装和专柜的不一样\n容量比写的少`),
      packaging: L(`瓶子漏了一半\n包装盒压坏了\n泵头是坏的`),
      price: L(`比专柜还贵`),
    },
    narration: L(`囤货买的\n朋友推荐的\n干性皮肤\n第一次用这个牌子`),
  },
  {
    id: 'appliance',
    names: L(`热水器\n冰箱\n洗衣机\n空调\n电饭煲\n吸尘器\n风扇\n空气炸锅\n电热水壶\n微波炉`),
    praise: L(`加热很快\n温度很稳定\n声音很小\n很省电\n安装师傅很专业\n操作很简单\n外观很大气\n制冷效果很好\n吸力很强\n做饭很香`),
    complaints: {
      quality: L(`用了不到一个月就漏水\n噪音特别大\n不加热了\n不制冷\n有很大的塑料味\n用几次就坏了\n温度忽高忽低\n一开就跳闸`),
      service: L(`安装师傅迟迟不上门\n师傅态度很差\n报修一周没人来\n售后一直推脱`),
      price: L(`安装还要额外收两百材料费\n买的时候没说要另外收费\n买完就降价`),
      logistics: L(`送货不送上楼\n外箱都摔变形了`),
      description: L(`功能和介绍的不一样\n少了配件`),
      packaging: L(`外包装破损`),
    },
    narration: L(`新房装修买的\n换掉了旧的\n给爸妈家装的`),
  },
  {
    id: 'book',
    names: L(`书\n这本书\n绘本\n教材\n小说\n练习册`),
    praise: L(`纸张很好\n印刷很清晰\n内容很实用\n孩子很爱看\n读完很受启发\n作者写得很用心\n翻译很流畅\n值得一读\n装帧很精美\n正版书\n故事很精彩一口气读完了\n文字很优美\n观点很深刻\n通俗易懂适合入门\n读了好几遍还想读\n很感人看哭了\n讲得很透彻\n推荐给身边的朋友了\n让我重新认识了自己\n内容充实干货很多`),
    complaints: {
      quality: L(`印刷很模糊\n有好几页是空白的\n装订散了\n纸张很薄透字\n有错别字\n内容很空洞\n写得很啰嗦\n翻译得很生硬看不懂\n枯燥无聊看不下去\n东拼西凑没有新意\n观点很肤浅\n完全是在浪费时间\n跟书评说的完全不一样很失望`),
      description: L(`是盗版书\n内容和简介说的不一样\n少了附赠的光盘\n发错书了`),
      packaging: L(`书角都压坏了\n没有塑封\n封面有折痕`),
      logistics: L(`快递太慢了等了一周`),
      price: L(`定价太高了`),
    },
    narration: L(`给孩子买的课外书\n考试要用\n老师推荐的`),
  },
  {
    id: 'hotel',
    names: L(`酒店\n房间\n民宿\n宾馆`),
    praise: L(`房间干净整洁\n位置很方便\n前台服务热情\n早餐很丰富\n床很舒服\n隔音效果好\n性价比很高\n离地铁很近\n设施很新\n下次还住\n环境很安静\n服务员很有礼貌\n交通便利出行方便\n房间宽敞明亮\n卫生做得很好\n还免费升级了房型\n周边吃饭很方便\n办理入住很快`),
    complaints: {
      quality: L(`隔音太差了吵得睡不着\n设施很陈旧\n空调不制冷\n卫生间有异味\n床单不干净\n热水时有时无\n房间很潮有霉味\n房间太小转不开身\n早餐很难吃品种少\n地毯很脏\n窗外就是马路很吵\n电视打不开\n网速很慢\n位置很偏打车都难`),
      service: L(`前台态度很差\n入住等了半个小时\n服务员爱答不理\n退房的时候查房查了好久`),
      description: L(`房间和图片完全不一样\n说好的有窗结果没窗`),
      price: L(`价格太贵不值\n押金退得很慢`),
    },
    narration: L(`出差住了两晚\n带家人来旅游\n周末住的`),
  },
  {
    id: 'home',
    names: L(`锅\n杯子\n窗帘\n被子\n枕头\n收纳盒\n台灯\n拖把\n床单\n玩具\n积木`),
    praise: L(`质量很好\n很结实\n很好用\n做工很精致\n很实用\n孩子很喜欢\n安装很简单\n遮光效果很好\n很柔软\n颜值很高\n不粘锅`),
    complaints: {
      quality: L(`涂层掉了\n用几次就粘锅\n杯子漏水\n很容易坏\n有很大的味道\n边缘很锋利会划手\n一拉就断了\n灯光一闪一闪的\n掉毛严重`),
      size: L(`尺寸做错了短了十厘米\n比想象的小很多\n尺寸跟标的不一样`),
      color: L(`颜色跟图片差很多\n颜色很暗`),
      logistics: L(`运输的时候摔碎了\n快递慢得要死`),
      description: L(`少发了两个配件\n没有说明书不知道怎么装\n和图片根本不是一个东西`),
      packaging: L(`包装太简陋\n盒子是破的`),
    },
    narration: L(`搬新家买的\n买来送人\n第二次购买`),
  },
];

/** Praise of the shop or the trade, any product. */
export const GENERIC_PRAISE = L(`
东西很好
颜色和图片一样
颜色跟图片一样很正
尺码刚好合适
大小刚刚好
物流正常很快就到了
包装完好
价格合理
和描述一致
客服回复很及时
质量很好
宝贝收到了很满意
和图片一模一样
没有色差
物流很快
发货速度很快
快递很给力第二天就到了
客服态度很好
客服很耐心
卖家很热情
包装很严实
包装很用心
价格很实惠
性价比很高
物超所值
很喜欢
非常满意
超出预期
做工很精致
很划算
值得购买
推荐大家购买
以后还会来
已经回购好几次了
比实体店便宜很多
朋友看了也想买
正品放心
一直在这家买
服务很周到
卖家发错了主动补发
售后很负责
有问题客服马上处理了
送了小礼物很惊喜
没想到这么好
真的好用
体验很好
很棒
`);

/** Praise that is mild (still positive). */
export const MILD_PRAISE = L(`
还不错
还可以
还行吧
挺好的
能用
对得起这个价格
这个价位够用了
整体还算满意
没什么毛病
凑合着还挺好用
中规中矩还可以
`);

export const NEGATION_PRAISE = L(`
没有色差
一点也不掉色
不起球
没有异味
不臭
不贵
一点都不卡
物流不慢
没有一点瑕疵
没有破损
不会缩水
不磨脚
不油腻
没有任何问题
没让我失望
不会后悔
不辣眼睛
不扎人
`);

export const NEGATION_COMPLAINT = L(`
不好用
不太满意
不怎么样
一点都不好
不值这个价
不推荐
不太好
没有想象中好
没有描述的那么好
不喜欢
不太行
一点都不满意
`);

/** Complaints with no one cause. */
export const GENERIC_COMPLAINT = L(`
太失望了
很差
非常不满意
后悔买了
上当了
坑人
太坑了
一分钱一分货
便宜没好货
浪费钱
垃圾
真的垃圾
千万别买
不值得购买
体验很差
太糟糕了
差到极点
一般般
一般
没有想象中那么好
很一般
凑合吧一般般
`);

export const POS_OPENERS = L(`
收到了
宝贝收到了
第一次买
终于到了
帮朋友买的
用了一段时间才来评价
看了很多家最后选了这家
回购了
`);

export const POS_CLOSINGS = L(`
好评
五星好评
会回购的
下次还来
推荐购买
满意
给个赞
值得信赖
会推荐给朋友
点赞
很开心的一次购物
`);

export const NEG_CLOSINGS = L(`
差评
不会再买了
大家别买
太失望了
后悔死了
已经申请退货了
一星都不想给
再也不来了
给差评
劝大家慎重
气死我了
以后不会再来了
`);

/** Minor complaint words per cause, used after 就是/只是/唯一不足 in a happy review. */
export const MINOR: Record<CauseId, string[]> = {
  quality: L(`有一点点线头\n有点味道放几天就好了\n做工稍微有点粗糙\n有一点小瑕疵\n稍微有点起球`),
  size: L(`尺码稍微偏大\n有点偏小建议拍大一码\n袖子稍微长了点\n稍微有点紧`),
  color: L(`颜色比图片稍微深一点\n有一点点色差\n颜色偏暗一点`),
  logistics: L(`物流有点慢\n快递慢了点\n快递员不送上门\n物流太慢了等了好几天`),
  service: L(`客服回复有点慢\n客服回得不太及时\n客服有点冷淡`),
  description: L(`少了一个小配件\n和图片有一点点出入`),
  price: L(`价格稍微有点贵\n有点小贵\n买完就降价了有点郁闷`),
  packaging: L(`包装有点简单\n盒子有点压扁了\n包装有点简陋`),
};

/** Cause-bearing complaints that suit any product. */
export const GENERIC_CAUSE_COMPLAINT: Record<CauseId, string[]> = {
  quality: L(`质量太差了\n做工很粗糙\n用了两天就坏了\n质量很一般\n有瑕疵\n有异味\n收到就是坏的\n一用就坏\n质量堪忧\n质量真的不行`),
  size: L(`尺码不标准\n尺寸不对\n大小不合适\n码数偏小\n码数偏大`),
  color: L(`色差严重\n颜色不对\n颜色和图片差别太大\n实物颜色很丑\n实物和图片差太多\n实物看着很廉价和图片两回事\n跟照片完全不像`),
  logistics: L(`物流太慢了\n快递一个星期才到\n快递员态度很差\n快递丢件了\n显示签收了但我没收到\n运输途中摔坏了\n快递太慢了\n发货太慢了\n等了半个月才到\n快递不送上门还要自己去取`),
  service: L(`客服态度很差\n客服不回消息\n客服爱答不理\n售后推脱责任\n拒绝退货\n不给换货\n说好的赠品没送\n和客服吵起来了\n卖家态度恶劣\n退款一直不处理\n客服只会复制粘贴\n答应的事情没做到\n卖家骂人`),
  description: L(`与描述不符\n货不对板\n是假货\n发错货了\n少发了东西\n缺配件\n明显是二手的\n跟宣传的完全不一样\n不是正品`),
  price: L(`太贵了\n买完就降价\n不给价保\n运费太贵了\n价格虚高\n不值这个价\n还要额外收费\n比别家贵很多`),
  packaging: L(`包装太简陋\n包装破损\n外包装很脏\n连个盒子都没有\n包装被拆过\n包装太差了`),
};

/** Sarcastic frames; {x} is a concrete complaint. */
export const SARCASM_FRAMES = L(`
呵呵，{x}
{x}，呵呵
{x}，呵呵了
真是"好"质量啊，{x}
太"贴心"了，{x}
这速度也是没谁了，{x}
笑死，{x}
{x}，真是服了
感谢卖家让我见识了什么叫{x}
{x}，真棒啊
{x}，我也是醉了
好一个正品，{x}
{x}，厉害了我的卖家
这质量绝了，{x}
{x}，真是佩服
好评！好到{x}
五星好评，{x}，真是好样的
这也能叫正品？{x}
{x}，还能更差一点吗
{x}，这也叫好评如潮？
{x}，可真行
`);

/** Rhetorical or sarcastic on their own, no cause named. */
export const SARCASM_ALONE = L(`
还能更差一点吗
还能再差点吗
这也能叫商品？
呵呵，自己体会吧
真是开了眼了
我也是服了这家店
好评？不存在的
佩服卖家的勇气
谢谢卖家给我上了一课
`);

export const EN_SARCASM_FRAMES = L(`
Oh great, {x}. Just perfect.
Wow, {x}. Amazing. Not.
{x}. Thanks a lot.
Yeah right, "quality" product. {x}.
Five stars for {x}, well done.
So great, {x}.
`);

export interface EnPhrases {
  praise: string[];
  mild: string[];
  complaints: Record<CauseId, string[]>;
  minor: Record<CauseId, string[]>;
  generic: string[];
  closingsPos: string[];
  closingsNeg: string[];
  negationPraise: string[];
}

export const EN: EnPhrases = {
  praise: L(`
Great quality
Fast shipping
Exactly as described
Very good seller
Love it
Works perfectly
Highly recommend
Good value for money
Arrived well packed
My kids love it
Fits perfectly
True to size
The fabric is soft
Excellent product
Looks just like the picture
Seller was very helpful
Super fast delivery
Very comfortable
Battery lasts long
Nice color`),
  mild: L(`It's ok for the price\nNot bad\nDecent\nGood enough\nWorks as expected`),
  complaints: {
    quality: L(`Broke after two days\nCheap plastic\nStopped working after a week\nThe stitching came apart\nSmells like chemicals\nPoor quality\nThe zipper broke\nBattery dies quickly\nScreen cracked on first use`),
    size: L(`Runs very small\nWay too big\nSize chart is wrong\nToo tight\nDoes not fit at all\nOrdered L and got something like an S`),
    color: L(`The color is different from the picture\nWrong color\nColor looks faded, nothing like the photos`),
    logistics: L(`Shipping took two months\nNever arrived\nThe parcel was crushed\nDelivery was very slow\nTracking did not update for weeks\nThe courier lost my package`),
    service: L(`Seller never replied\nSeller refused to refund\nRude seller\nNo response to my messages\nThe seller promised a gift and did not send it`),
    description: L(`Not as described\nIt's a fake\nMissing parts\nWrong item sent\nLooks used\nNot the item in the picture`),
    price: L(`Overpriced\nPrice dropped right after I bought it\nToo expensive for what it is\nHidden shipping fees`),
    packaging: L(`Poor packaging\nThe box was damaged and dirty\nNo packaging at all\nPackage arrived open`),
  },
  minor: {
    quality: L(`a few loose threads\na slight smell at first`),
    size: L(`runs a little small\nslightly big`),
    color: L(`the color is a bit darker than the photo`),
    logistics: L(`shipping was a bit slow\ndelivery took a while`),
    service: L(`the seller was slow to reply`),
    description: L(`one small part was missing`),
    price: L(`a bit pricey`),
    packaging: L(`the box was a little dented`),
  },
  generic: L(`Disappointed\nWaste of money\nWould not recommend\nTerrible\nVery bad experience\nDo not buy\nNot worth it\nAwful`),
  closingsPos: L(`Will buy again!\nThank you!\nRecommend this seller.\n5 stars.\nVery happy.`),
  closingsNeg: L(`Never again.\nDo not buy from this seller.\nVery disappointed.\n1 star.\nAsking for a refund.`),
  negationPraise: L(`No damage at all\nNo smell\nNot expensive\nNo problems so far\nNot bad at all`),
};

// R6 flags -----------------------------------------------------------------------------------

export const ABUSE_LINES = L(`
-|傻*卖家
-|卖家是傻 逼吧
service|客服脑*残，说了八遍都听不懂
-|s b 店家
-|你个狗卖家
-|什么狗客服，滚犊子
-|卖家你大爷的
service|客服是不是脑子进水了，蠢货一个
-|奸商去死
-|你*的，坑钱的玩意
-|这种废物店也好意思开
service|客服就是个傻帽
-|狗眼看人低的东西，垃圾店
-|nmsl
-|卖家全家不得好死
quality|什么破玩意儿，卖家是蠢猪吧
-|傻X商家，再也不来了
-|老板是个杂种
service|客服贱人一个，爱答不理
-|骗子加人渣，祝你早日倒闭去死
-|卖家傻逼
service|客服是猪吗，听不懂人话
quality|什么狗屁东西
-|老板脑子有病吧
-|垃圾店铺，去死吧
-|卖家就是个王八蛋
service|客服智障，滚
-|操，什么玩意儿
description|你妈的，骗钱
service|这破店的客服都是白痴
-|卖家不要脸，人渣
-|草泥马的奸商
-|sb卖家
service|客服是弱智吧
-|老板全家死光
-|tmd垃圾卖家
`);

export const EN_ABUSE_LINES = L(`
-|F*ck you seller
-|Seller is a total dumbass
-|You scumbag, stealing money
-|What a sh*t shop, losers
-|Idiots, can't even read the order
service|The support guy is a clown and a jerk
-|Stupid b*tch seller
-|go to hell you stupid moron
-|Fuck this seller
-|You are an idiot
-|Stupid seller, go to hell
-|What a piece of shit
-|The seller is a moron
-|Fucking scam, you bastard
`);

/** Flag lines are `causes|text` (causes `-` for none). Fillers make contact ids. */
export const AD_LINES = L(`
-|要同款的私我，薇信{id}
-|+v {id} 有更多款式
-|想要便宜的加企鹅{qq}
-|招代理，兼职日赚200，加微信{id}
-|复制链接打开手机淘宝，同款半价
-|厂家直销，联系电话{phone}
-|源头工厂拿货加v：{id}
-|小红书号{id}，每天分享好物
-|领券群号{qq}，每天都有福利
-|别在这买了，去{url}，便宜一半
-|我也在卖这个，便宜三十，加我微信{id}
-|需要的联系我{phone}，批发价
-|同款更便宜的加微信{id}
-|想要正品低价的加V：{id}
-|需要的私聊我，wx：{id}
-|代购各种大牌，加Q{qq}
-|{url} 上有更便宜的，比这家便宜一半
-|想买便宜的来{url}
-|关注我的抖音号{id}，更多好货
-|进群领券，群号{qq}
-|加我vx{id}给你内部价
-|批发找我，威信{id}
-|我家店铺更便宜，搜{url}
-|扫码加我拿货价，微信号{id}
`);

export const EN_AD_LINES = L(`
-|Same thing for half price on {url}
-|DM me on Instagram {id} for cheaper ones
-|WhatsApp me {phone}, I sell the original
-|Check out my shop {url} before you buy here
-|Wholesale only, email {email}
-|Buy it cheaper at {url}
-|Contact me at {email} for wholesale price
-|Message me on WhatsApp {phone} for a better deal
-|Visit my store {url}, same item half price
-|Add me on WeChat {id} for discount codes
`);

export const PRIVATE_LINES = L(`
-|收货地址{address}，收件人{name}
logistics|快递员电话一三八一二三四五六七八，打了没人接
-|我身份证号{idcard}，别弄错了
service|客服{name}，手机{phone}，大家有问题直接找她
logistics|{address}的快递柜放不进去，快递员{name}直接扔门口
-|联系人{name}，联系电话{phone}
quality|给{address}的我妈买的，电话{phone}，坏了
-|家住{address}，有事打{phone}
logistics|配送员{name}，工号{qq}，态度恶劣
-|收件人{name}{phone}{address}
-|收件人{name}，{address}
logistics|快递员{name}电话{phone}，态度很差
service|客服{name}的手机号是{phone}，大家打给他
-|我的地址是{address}，电话{phone}，别再寄错了
service|卖家{name}一直用{phone}打电话骚扰我
-|送货的师傅叫{name}，电话{phone}
-|收货人{name}{phone}
logistics|寄到{address}的，结果丢了
`);

export const EN_PRIVATE_LINES = L(`
-|Ship to {enAddress}, call {phone}
logistics|Driver {enName} left it outside {enAddress}
-|My number is {phone}, text me
service|The seller {enName} gave me his number {phone}
logistics|The courier {enName}, phone {phone}, was very rude
description|Delivered to {enAddress}, but the box was empty
-|My name is {enName}, call me at {phone}
service|The seller {enName} keeps calling my number {phone}
`);

export const EXTORTION_LINES = L(`
-|给我转{n}块，不然差评伺候
-|赔我精神损失费{n}元，否则全网曝光
-|不补偿的话我就发小红书曝光你家，差评
-|返现{n}元我才改好评
-|打钱我就删差评，不打就一直挂着
-|不给{n}块红包，我用小号给你连环差评
-|除非退我一半钱，不然一星
-|给个说法，赔{n}，要不然黑猫投诉加差评
-|我不退货，你退我{n}元我就改五星
-|{n}块钱买你一个好评，不给就差评
-|再不赔钱就去12345和消协投诉，再给全店差评
-|补偿到位我就追加好评，不到位你懂的，差评
-|不给我补偿{n}元，我就给差评
-|返我{n}块钱就改成好评，否则差评挂着
-|要么全额退款，要么等着差评和投诉
-|不赔钱我天天给你刷差评
-|给我{n}块红包，不然全网曝光你
-|不退{n}元我就去12315投诉，再给你差评
-|补偿我{n}元我就删评
-|赔我{n}块钱，不然每个商品我都去差评
-|你不给我退钱，我就一直追评
-|不给说法就差评加投诉，你自己看着办
`);

export const EN_EXTORTION_LINES = L(`
-|Give me \${n} back and I will remove the 1 star, otherwise it stays forever
-|Refund 50% or I leave negative feedback everywhere
-|Unless you send \${n} to my PayPal, this review stays one star
-|Pay me or I expose your shop on every forum and leave bad reviews
-|I will update to 5 stars once you send the \${n}
-|Refund me \${n} or I will leave a 1 star review
-|Send me \${n} and I will change my rating to 5 stars, otherwise it stays
-|Pay me back or I will post bad reviews everywhere
-|Give me a partial refund or I open a dispute and leave a negative review
`);

/** Near misses for R6: look like a flag, are not. `p|n`, causes, text. */
export const FLAG_NEAR_MISSES = L(`
p|-|给孙子买的，孙子很喜欢
n|quality|质量太差了，差评，已经退款了
p|-|好评，不然对不起这么好的东西
n|service|客服说给好评返现，我拒绝了，东西一般
p|-|沙发比想象中大，很舒服
p|-|手机壳很好看，手机13pro正好
p|-|给我妈买的，妈妈很喜欢
n|-|如果质量再不好我就不买了
p|-|楼下快递柜取的，很方便
n|logistics|快递放在3号楼门口就走了，也不打电话
p|-|老板人很好，加了微信有问题随时问
n|-|没有补偿，也没人理，差评
p|-|真的超值，这个价格买到赚到
n|quality|差评，一星都不想给，用一次就坏
p|service|客服小李态度好，耐心解答
n|-|要求退款被拒，只能给差评了
p|-|第二次回购了，送给同事也说好
p|-|我家猫很喜欢，狗狗也抢着吃
n|quality|垃圾东西，别买
p|-|Got it for my son, he loves it
n|quality|One star because it broke after a day, asking for a refund
p|-|The seller sent a free gift, very kind
n|logistics|Left a bad review because it took 2 months
p|-|Code on the box matched the website, genuine product
p|-|已经推荐给朋友了，她也下单了
p|-|客服小王很耐心，帮我选了合适的尺码
n|quality|订单号{qq}{qq}，东西坏了，已经申请退款
p|-|13号下单15号就到了，很快
p|-|第3次购买了，品质稳定
n|-|申请了退款，希望尽快处理
n|quality|给了差评，因为质量太差
n|-|差评，已经退货退款了
p|-|卖家说好评返现，我没要，东西确实好
n|quality|垃圾质量，一用就坏
n|-|这是我买过最垃圾的东西
n|description|这家店真是黑心，说是正品其实是假货
n|description|骗子，发来的根本不是图片上的东西
p|-|快递放在菜鸟驿站了，取件很方便，东西很好
p|service|客服让我拍视频，处理得很快
p|-|在实体店看过，这里便宜两百，划算
p|-|比别家便宜，质量一样
p|-|型号是ABC12345，和描述一致
n|service|客服说要投诉就去投诉，态度真差
n|-|不满意，要求退款
p|-|孩子3岁穿100码刚好
n|logistics|快递员一直不送，打了好几次电话
p|-|买了2件，送了1双袜子，很开心
n|price|299买的，第二天降到199，找客服不给补差价
p|-|老板人很好，给我便宜了10块钱
`);

export const NAMES = L(`王建国\n李红\n张伟\n刘洋\n陈静\n杨帆\n赵磊\n黄丽\n周杰\n吴敏\n徐婷\n孙强\n马超\n朱丹\n胡斌\n郭靖`);
export const EN_NAMES = L(`John Smith\nMaria Garcia\nDavid Brown\nAnna Petrova\nJames Wilson\nLucas Silva`);
export const CITIES = L(`北京市朝阳区建国路88号\n上海市浦东新区世纪大道100号5栋\n杭州市西湖区文三路100号3单元\n广州市天河区体育西路5号2栋301室\n成都市武侯区人民南路四段12号\n深圳市南山区科技园南路18号1栋\n南京市鼓楼区中山路200号6幢502室\n江苏省苏州市工业园区星湖街328号`);
export const EN_ADDRESSES = L(`25 King Street, Sydney\n1200 Main Street, Houston\n14 Rose Avenue, London\n88 Ocean Drive, Miami\n7 Park Road, Dublin`);

export type { FlagId };

export const CAUSE_IDS: CauseId[] = ['quality', 'size', 'color', 'logistics', 'service', 'description', 'price', 'packaging'];

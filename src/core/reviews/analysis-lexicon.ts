// The review analyser's lexicon (R6, R8): words a shop's service team reads as praise or
// complaint, the words that turn them around, the cue words of each cause, and the cue words of
// the reviews a platform removes. Written by hand for this project; the learned weights
// (data/review-model.json) decide how much each match counts, so a list only has to say what a
// word is, not how strong it is. Entries are normalised text (half-width, lower case).

const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);

/** Praise: the review is happy about something. */
export const POSITIVE = words(`
管用 有用 很管用 顺手 省电 离不开 飞快 踏实 亮堂 值这个价 好太多 强多了 好多了 会用 能装 挺括 紧凑 回头率 显白 服帖 有嚼劲 香甜 软糯 脆甜 汁多 救急 真香 太顶了 真顶 yyds 绝绝子 闭眼入 吹爆 宝藏 无限回购 回购 不踩雷 没踩雷 划得来 好评 超出预期 物超所值 名不虚传 一如既往 老顾客 回头客 nice
好 好的 很好 挺好 蛮好 不错 挺不错 很不错 还不错 满意 很满意 非常满意 喜欢 很喜欢 超喜欢 爱了 好看 漂亮 精致 好用 实用 耐用 结实 舒服 舒适
柔软 合身 合适 正好 刚好 划算 超值 值得 值 实惠 便宜 物美价廉 性价比高 推荐 强烈推荐 回购 还会再来 还会再买 会回购 好评 五星 点赞 赞 棒 很棒 完美
给力 惊喜 贴心 热情 耐心 周到 专业 认真 负责 快 很快 神速 及时 迅速 准时 新鲜 好吃 香 甜 脆 清香 清爽 细腻 顺滑 滋润 保湿 清晰 流畅 稳定 安静
省电 方便 简单 轻便 大气 高档 上档次 正品 放心 靠谱 信赖 信得过 一模一样 一致 相符 严实 完好 无损 到位 干净 整洁 温馨 宽敞 安心 开心 高兴 感谢 谢谢
辛苦了 好评如潮 超赞 优秀 出色 一流 完好无损 不错哦 很赞 喜欢的 nice 挺值 很值 必须好评 没毛病 无可挑剔 很正 正宗 地道 可口 入味 保暖 暖和 透气
吸水 防水 显瘦 百搭 时尚 有质感 质感好 手感好 做工好 做工精细 质量好 质量很好 质量不错 物流快 发货快 服务好 态度好 值得购买 值得信赖 物超所值 很划算
喜出望外 超出预期 好极了 棒棒 棒极了 满分 心动 好开心 爱不释手 舒心 省心 顺心 痛快 爽 很爽 好喝 好闻 持久 留香 很香 很甜 清甜 多汁 饱满 够味
和图片一样 跟图片一样 与图片一样 和图片一致 和描述一样 跟描述一样 与描述一致 和描述一致 描述相符 与描述相符 尺码标准 尺码正好 大小合适 颜色正 没色差 精彩 好看 感人 有意思 有趣 受益 受益匪浅 启发 深刻 经典 值得一看 值得一读 引人入胜 通俗易懂 生动 幽默 温暖 感动 震撼 收获 喜爱 钟爱 期待 惬意 安静 宽敞 明亮 整洁 便利 热心 友好 礼貌 细心
贴心周到 舒坦 好喝 醇厚 浓郁 香浓 健康 营养 放心喝 正规 快捷 准确 及时雨 稳 耐看 精美 细致 讲究 完善 齐全 丰富 充实 实在 厚道 良心 诚信 真诚 靠得住 省事 省钱 便捷 快速 高效
满足 欣喜 愉快 愉悦 舒心 赞一个 好样的 不赖 可以的 挺行 蛮不错 还挺好 超级好 非常棒 太好了 好极 顶呱呱 杠杠的 没得说 没话说 五分 好评哦
great good excellent perfect love loved amazing awesome nice happy recommend recommended fast quick beautiful pretty comfortable soft sturdy solid
satisfied worth cheap thanks thank wonderful fantastic best exactly fine works well accurate gorgeous cute lovely friendly helpful
`);

/** Complaint: the review is unhappy about something. */
export const NEGATIVE = words(`
累 沉 磕碰 塑料味 油腻 打结 费力 难装 折痕 智商税 一言难尽 无力吐槽 一无是处 中看不中用 华而不实 徒有其表 乱七八糟 差远了 不如以前 黑心 坑货 退了 扔了 白花 白买 吃灰 闲置
差 很差 太差 极差 超差 差劲 差评 不好 不行 垃圾 烂 破 坏 坏了 坏掉 破损 损坏 断 断了 裂 裂了 碎 碎了 漏 漏水 掉 掉色 褪色 起球 缩水 开线 脱线 线头 毛边
粗糙 劣质 廉价 难看 难用 难吃 难闻 难穿 臭 异味 刺鼻 有味道 发霉 霉 变质 过期 不新鲜 腐烂 烂了 馊 酸了 胀包 失望 很失望 太失望 大失所望 后悔 上当 受骗 骗 骗子
欺骗 坑 坑人 坑爹 假 假货 假的 山寨 仿 冒牌 次品 残次品 二手 翻新 瑕疵 污渍 脏 脏了 划痕 磨损 变形 卡 卡顿 死机 发热 发烫 闪退 黑屏 没反应 不灵 失灵
慢 太慢 很慢 超慢 龟速 拖 拖拉 延迟 丢件 丢了 没收到 不送 不理 不回 没人理 爱答不理 推脱 推卸 敷衍 态度差 态度恶劣 恶劣 凶 骂人 吵 吵架 拒绝 拒收 不给退
不退 不换 不处理 不负责 贵 太贵 偏贵 不值 不值得 降价 亏 亏了 套路 忽悠 乱收费 收费 加钱 偏大 偏小 太大 太小 大了 小了 短了 长了 不合身 挤脚 磨脚 勒 紧
色差 发黄 发白 发灰 不符 不一致 不一样 少发 漏发 错发 发错 缺 缺少 简陋 凑合 一般 一般般 马马虎虎 勉强 不咋地 不怎么样 不推荐 别买 不会再买 再也不 无语 郁闷
生气 气死 恶心 糟糕 糟心 闹心 心塞 心寒 扯 扯淡 离谱 过分 呵呵 无奈 遗憾 可惜 不满 不满意 投诉 退货 退款 退了 差差 麻烦 费劲 折腾 糊 粘锅 涂层 起皮 脱皮 过敏
红疹 痒 刺痛 不保暖 不暖和 透 不透气 闷 硬 扎 扎人 掉毛 起毛 褶皱 皱 歪 不正 粗 薄 太薄 单薄 不结实 不耐用 不耐脏 不好用 不好看 不舒服 没用 没效果 无效 鸡肋
太次 坑货 渣 渣渣 呸 差极了 非常差 很一般 有待提高 有待改进 不够 不足 缺点 不喜欢 不满 堵 吵闹 噪音 异响 响声大 声音大 漏电 短路 烧了 爆了 冒烟
无聊 枯燥 乏味 空洞 肤浅 啰嗦 拖沓 看不下去 读不下去 浪费时间 误导 错误百出 盗版 敷衍了事 陈旧 老旧 破旧 简陋 狭小 潮湿 吵 吵闹 嘈杂 不隔音 隔音差 异味 霉味 脏乱 脏乱差
难喝 变味 变酸 结块 腥 苦 涩 发苦 怪味 不好喝 不好吃 难以下咽 不卫生 恶劣 冷漠 不耐烦 推三阻四 扯皮 不负责任 霸王条款 黑心 宰客 坑钱 骗钱 太坑 上当受骗 不靠谱 不专业
不行了 没法用 用不了 打不开 连不上 不稳定 不准 太吵 太热 太冷 太硬 太软 太薄 太重 太难 麻烦死了 慢死了 烦 烦人 讨厌 后悔死了 气人 可恶 糟透了 一塌糊涂 令人失望 不值钱 不如 还不如
差强人意 不尽人意 不敢恭维 不咋样 一般化 凑合用 将就 勉强能用 退货了 已退货 要退货 申请退款 不会再来 不再购买 拉黑 避雷 踩雷 慎买 慎入 劝退
bad terrible awful poor broken broke cheap fake scam waste disappointed disappointing slow worst useless defective damaged missing wrong refund
return refused never complaint garbage junk trash smells smell ripped torn stopped small big tight loose late lost dirty horrible unhappy rude
`);

/** Turn the next word around: 不好, 没有色差, not good. */
export const NEGATORS = words(`不 没 没有 无 别 不是 并不 并没有 不太 不怎么 不算 不够 毫无 从不 从没 绝不 没什么 一点也不 一点都不 not no never isn't wasn't don't doesn't didn't hardly without`);

/** Words that make the following clause weigh more (a contrast). */
export const CONTRAST = words(`但是 但 可是 不过 然而 只是 就是 却 结果 谁知 没想到 哪知 唯一 but however though although yet except unfortunately`);

/** Words that announce a weaker first clause: 虽然 A 但是 B. */
export const CONCESSION = words(`虽然 虽说 尽管 本来 原本 although though while`);

/** Sarcasm cues: praise that means the opposite when a complaint is near. */
export const SARCASM = words(`呵呵 呵呵了 呵呵哒 真是服了 服了 也是没谁了 没谁了 笑死 笑了 真行 真棒啊 真是好 好质量啊 太贴心了 绝了 厉害了 佩服 牛 真牛 醉了 我也是醉了 好一个 神一般的
 还能更差 还能再差 oh great just perfect amazing. not yeah right wow thanks a lot so great sure`);

/** Intensifiers: 太, 非常, very. */
export const INTENSIFIERS = words(`太 非常 很 超 超级 特别 极 极其 十分 相当 真 真的 巨 贼 好 最 完全 根本 一点 very so really extremely totally super absolutely`);

export type CauseId = 'quality' | 'size' | 'color' | 'logistics' | 'service' | 'description' | 'price' | 'packaging';
export const CAUSES: readonly CauseId[] = ['quality', 'size', 'color', 'logistics', 'service', 'description', 'price', 'packaging'];

/** The cue words of each cause (R8): the topic a complaint is about. */
export const CAUSE_CUES: Record<CauseId, string[]> = {
  quality: words(`质量 品质 做工 材质 面料 用料 开线 脱线 线头 起球 掉色 褪色 缩水 掉毛 坏 坏了 断 断了 裂 裂了 破了 破洞 漏水 漏 卡 卡顿 死机 发热 发烫 黑屏 失灵 不灵 噪音 异响
  味道 异味 臭 刺鼻 不新鲜 烂 腐烂 发霉 变质 过期 馊 酸 胀包 粗糙 劣质 毛边 瑕疵 划痕 变形 掉漆 生锈 不耐用 不结实 过敏 红疹 起皮 粘锅 涂层 不保暖 不制冷 不制热 充不进电 电池
  续航 屏幕 坏点 偷工减料 磨脚 锋利 扎人 硬 薄 效果 没效果 不好用 难用 难吃 不好吃 口感 quality broke broken stopped working cheap plastic stitching smell smells defective
  zipper falls apart ripped torn flimsy battery material`),
  size: words(`尺码 尺寸 码数 大小 偏大 偏小 太大 太小 大了 小了 大一码 小一码 大两码 小两码 短了 长了 太短 太长 不合身 挤脚 紧 松 宽松 肥 瘦 尺码表 码 size fit fits small big
  tight loose large runs size chart too short too long`),
  color: words(`颜色 色差 发黄 发白 发灰 偏色 偏橘 偏红 颜色不对 颜色不一样 和图片 跟图片 与图片 图片上 实物 试色 color colour colors picture photo photos`),
  logistics: words(`物流 快递 发货 到货 送货 配送 运输 签收 快递员 派送 丢件 压扁 压坏 摔坏 慢递 龟速 中转 在路上 包裹 邮政 顺丰 圆通 中通 申通 韵达 百世 京东物流 菜鸟 驿站 自提 送上门
  shipping delivery courier arrived arrive shipped transit parcel post tracking days weeks months lost`),
  service: words(`客服 卖家 商家 店家 老板 售后 态度 回复 不回 不理 爱答不理 推脱 推卸 敷衍 吵 吵架 骂人 拒绝 拒绝退货 不给退 不给换 不处理 退款 退货 换货 承诺 说好的 赠品 答应 催 骚扰 前台
  师傅 安装 服务 沟通 seller service reply replied answer answered respond responded support refund refused promised communication rude`),
  description: words(`描述 不符 与描述 跟描述 和描述 假货 假的 正品 山寨 仿品 高仿 冒牌 防伪 少发 漏发 错发 发错 缺 少了 配件 二手 翻新 使用痕迹 标题 宣传 说明书 货不对板 描述的
  described description fake counterfeit missing wrong item parts not as`),
  price: words(`价格 价钱 贵 太贵 偏贵 降价 差价 价保 保价 运费 收费 加钱 额外 材料费 安装费 活动价 优惠 便宜 不值 性价比 套路 price expensive overpriced dropped cheaper fee fees
  shipping cost charged`),
  packaging: words(`包装 盒子 外包装 纸箱 箱子 塑料袋 礼盒 包装盒 泡沫 气泡膜 简陋 包装破 脏 封口 packaging package packed box wrapping wrapped`),
};

export type FlagId = 'abuse' | 'ad' | 'private_data' | 'extortion';
export const FLAGS: readonly FlagId[] = ['abuse', 'ad', 'private_data', 'extortion'];

/** Insults and profanity aimed at the shop (R6). */
export const ABUSE = words(`傻逼 傻b sb 煞笔 沙比 傻叉 傻x 二逼 脑残 智障 弱智 白痴 蠢货 蠢猪 猪 狗 狗东西 狗屁 狗日 去死 死全家 滚 滚蛋 妈的 他妈 tmd nmd 你妈 尼玛 操 草泥马 cnm 王八蛋
  混蛋 畜生 贱 贱人 神经病 脑子有病 有病吧 不要脸 臭不要脸 人渣 败类 垃圾卖家 垃圾店 垃圾店铺 fuck fucking fucker shit bitch idiot stupid moron asshole
  bastard dumb retard
  傻缺 傻帽 傻狗 二货 蠢材 蠢蛋 废物 脑瘫 脑子进水 你大爷 去你的 滚犊子 狗娘养 狗杂种 杂种 龟孙 贱货 婊子 妈蛋 尼玛的 日你 艹 nmsl 狗卖家 狗商家 狗客服 狗老板
  死骗子 瞎了狗眼 狗眼 shabi naocan zhizhang scumbag loser dumbass jerk clown wtf`);

/** Cues of advertising elsewhere (R6). */
export const AD_CUES = words(`加微信 加v 加vx 加wx 微信 vx wx v信 威信 加q 加qq qq 扣扣 私聊 私信我 联系我 找我 代购 内部价 批发 同款更便宜 更便宜 关注我 抖音号 快手号 公众号 店铺链接 链接
  淘口令 进群 加群 群号 whatsapp telegram wechat contact me message me dm me wholesale cheaper at visit my website discount code promo
  加我 私我 加好友 薇信 徽信 企鹅 代理 招代理 兼职 刷单 日赚 复制链接 点击链接 领券群 优惠群 福利群 同款低价 源头工厂 厂家直销 instagram facebook`);

/** Cues that a review threatens a bad rating unless paid (R6). */
export const EXTORTION_THREAT = words(`差评 追评 一星 中评 投诉 曝光 举报 全网 12315 刷差评 给差评 打差评 1星 1 star stars rating one star bad review negative review dispute report
  差评伺候 全差评 连环差评 差评轰炸 小号 发微博 小红书 发抖音 黑猫投诉 消协 工商 市场监管 12345 维权 挂你 挂出来 搞臭 搞垮 一颗星 零分 feedback negative feedback one-star
  expose`);
export const EXTORTION_CONDITION = words(`不然 否则 要么 不给 不赔 不退 不补偿 除非 就给 我就 等着 才改 就改 改成好评 改好评 删评 unless otherwise or i will or else if you don't change my
  要不 要不然 不然的话 否则的话 如果不 不给的话 看着办 才删 才撤 撤销 撤回 删掉 改评 改五星 追加好评 until`);
export const EXTORTION_MONEY = words(`赔 赔钱 赔偿 补偿 退钱 返 返现 红包 块 元 钱 全额 refund money pay compensate compensation $ usd dollars partial
  损失费 精神损失费 误工费 赔付 好处费 返点 转账 打钱 给钱 封口费 退一半 退款 cash paypal bucks euros €`);

/** Labels that precede personal data (R6): a name, phone or address given out. */
export const PRIVATE_CUES = words(`收件人 收货人 快递员 配送员 电话 手机 手机号 号码 地址 住在 工号 身份证 姓名 名字叫 叫 phone address named name street road
  联系人 联系电话 联系方式 业务员 司机 店长 导购 家住 住址 门牌 楼 单元 室 身份证号 call number apartment apt`);

/** Common Chinese surnames: a cue that a 2–3 character run after a label is a name. */
export const SURNAMES = `王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤`;

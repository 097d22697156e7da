// Causes read from everyday complaint wording (R8; issue 13 round 3). The model (analyze.ts)
// learns causes from topic words and the feeling of their clause; it misses plain remarks a
// buyer makes in passing (就是有点吵, 起球了, 味道大, 偏小, 等了一周, 态度敷衍, 运费加了15).
// Each cause here is a list of complaint phrases — a topic together with what is wrong with it —
// so a phrase counts only as a complaint: a praise (没有色差, 不起球, 包装很好) is not matched, and
// a phrase right after a negator (没, 不, 无, no, not) is skipped. analyze.ts adds these to the
// model's causes. Pure; a few regular expressions per review.
import type { CauseId } from './analysis-lexicon.js';

const P = (parts: string[]): RegExp => new RegExp(parts.join('|'), 'g');

const CAUSE_PHRASES: Record<CauseId, RegExp> = {
  quality: P([
    '身上(?:全是|都是)[^，,。]{0,3}毛|粘(?:了)?一身(?:的)?毛',
    "\\b(?:seams?|stitch(?:es|ing)|sole|zipper|straps?|handle|buttons?) (?:are |is |was |were )?(?:already )?(?:coming|came) (?:loose|apart|undone|off)\\b|\\bcoming (?:loose|apart)\\b|质量(?:也)?(?:没|不)(?:好到哪|怎么样|咋样)",
    // round 8: durability and comfort implied (洗一次就…, 塌下去, 有股橡胶味, 磨出血, a design that makes a chore of it)
    '(?:有|一)(?:股|一股)(?!清香|香|奶香|果香|茶香|淡淡的?香)[\\u4e00-\\u9fff]{1,3}味|塌下去|塌了一块|(?:磨|蹭)(?:出)?(?:血|泡|破皮)|笨得要死|反人类(?:的)?设计|设计(?:得)?(?:很|太|有点)?(?:反人类|不合理|蠢)|(?:得|要|需要)[^，,。]{2,14}[，,]\\s*(?:很|太|有点|好|真)?麻烦(?=[，。！,.!]|$)|(?:洗|穿|戴|用|拖|刷|睡|坐)了?(?:[一两三四五六七八九十几\\d]+|半)(?:天|次|周|个月|回|下)(?:后)?[^，,。没不无才]{0,4}(?:就|都)?(?:起|掉|断|裂|坏|破|开|发(?!现)|缩|褪|脱|塌|松|歪|鼓|黑|黄|花)',
    "\\b(?:washed (?:it )?(?:once|twice)|after (?:one|1|the first|a single) wash)\\b[^.!?]{0,30}\\b(?:crack|fad|shr|peel|tore|ripped|came|fell|pill|bleed|lost)|\\bscratch\\b|\\bcoming off\\b|\\bsole (?:is )?(?:coming|came) (?:off|apart)",
    '受潮|返潮|软趴趴|(?:中间|一边)?(?:就)?塌(?:了|陷)|塌了?(?:一个|个)?坑|松松垮垮|一碰就(?:断|掉|坏|倒|散)',
    '(?:声音|噪音|响声|动静)(?:有点|有些|太|很|特别|比较|也)?大|起球|掉色|褪色|掉了?点?毛|钻毛|跑毛|(?:有点|有些|特别|很)?(?:晃|摇晃|松动)(?=[，。！,.!]|$)|不稳|降噪(?:很|太|有点)?(?:一般|差)|效果(?:很|太)?一般|刺痛|过敏|红疹|烂脸|(?:缝线|走线|针脚)(?:也|都)?(?:不整齐|歪|乱)|歪的|松的|做工(?:也|有点)?糙|受热不均|质量问题|没法用|不能用了|用不了|缩水|开线|开胶|脱胶|脱线|线头(?:多|太多|很多)|掉毛|起毛|掉漆|漆没刷|生锈|发霉|霉变|变质|不新鲜|坏果|烂果|碎末|陈味',
    '(?:味道|气味|[皮胶漆药])味?(?:很|太|有点|特别|好|比较)?(?:大|重|冲|刺鼻|难闻)(?!家|多|概)|有(?:股|一股)(?:怪|异|臭|霉|焦|塑料|化学|胶|酸|馊)?味|有(?:怪|异|臭|霉|焦|塑料|化学|胶|酸|馊)味|(?<!还)有(?:一)?(?:点|些|点点)?(?:味道|气味)(?=[，。！,.!]|$)|异味|臭味|怪味|甲醛|刺鼻',
    '(?:有点|有些|太|很|特别|比较)?(?:吵|响)(?:了|啊)?(?=[，。！,.!]|$)|噪音(?:大|很大)?|杂音|异响|没声音|不出声|不亮|不响|接触不良|烧了|烧坏|蓝屏|死机|卡顿|闪退|黑屏|重启|充不进|不充电|漏液|漏水|漏气|漏了',
    '(?<![摔压砸撞])(?:裂|断|坏)(?:了|开|掉)|(?<![摔压砸撞])坏的|破洞|(?:用|穿|戴|洗)了?(?:[一两三四五六七八九十几\\d]+|半)(?:天|次|周|个月|回)就',
    '(?:质量|做工|品质|质感|用料|面料|材质)(?:很|太|真|也|比较|有点|实在|非常)?(?:差|一般|不行|不好|堪忧|粗糙|垃圾|廉价|感人|就这|太次)|质量实在|粗糙|劣质|(?:太|很|有点|偏)薄|薄得|透光|不耐用|不结实|不保温|不制冷|不加热|不防水|漏风',
    '续航(?:比.{0,6})?(?:很|太|有点)?(?:短|差|不行|一般|拉胯)|续航.{0,6}短|没电|(?:不|没)(?:好|)用了|没效果|不管用|不顶用|(?:戴|穿|用|坐|躺)久了?(?:有点|会|就)?(?:疼|痛|累|夹|勒|闷|热|不舒服)|夹(?:耳朵?|头|脚)|硌|(?<!不)扎人|磨脚|闷脚|不透气|(?:穿|戴|用|睡|坐|躺|贴|敷)(?:着|起来|上去)?(?:很|有点|不太)?不舒服|(?:有点|太)(?:硬|软|沉|重)',
    // a function that fails: 开不了机, 合不上, 不准, 钝, 吸力越来越小, 噪点, 连击, 声音小
    '(?:开|关|合|盖|充|连|插|拧|按)不(?:了机|上|开|紧|动|进去|进电)|开不了机|不开机|没反应|(?<![尺码表寸])不准(?!时)|(?:是|很|太|有点)?钝的?|不锋利|(?:吸力|动力|风力|水压|火力|信号|亮度)(?:越来越|明显|很|太|有点|比较)?(?:小|弱|差|不够|不足)|(?:左|右)(?:耳|边)声音.{0,6}(?:小|大|没)|越来越(?:小|弱|差|慢|松|短|暗)|噪点|(?:拍|画面|屏幕|照片|视频|镜头|图像|夜视)[^，,。]{0,8}(?:看不清|模糊)|听不清|连击|双击|失灵|翘(?:起来|的|边)|掉下来|掉了下来|起静电|磨平|磨破|发黑|变黑|氧化|断针|卡住|卡死|漏电|麻手|(?:用|开|戴|穿)到第.{1,4}(?:天|周|个月)|用了不到.{1,4}(?:天|周|个月)|(?:用|穿|戴)了?没几天就|才用了.{1,4}(?:天|周|次)',
    // round 6: more functions that fail (卷刃, 充不进电, 不制冷, 粘锅, 电流声, 信号没了, 磁力弱) and food with bugs
    '卷刃|(?:冲|充)不进(?:电)?|不制冷|制冷(?:效果)?(?:不行|差|很差|一般|不好)|粘锅|锅底(?:很|有点)?粘|一(?:煎|炒|煮|烧)就(?:粘|糊)|粘成一(?:团|坨)|糊底|(?:有|生|长)(?:了)?(?:虫|虫子|小虫)|电流声|嗡嗡(?:响|声|的)|信号(?:就)?(?:没了|很差|不好|差|弱)|磁力(?:很|太|有点)?弱|开机(?:有点|很|太|特别)?慢|(?:耳朵|耳廓)(?:发|有点|会)?疼|散架|屏幕上有(?:个|一个|几个)?(?:亮点|坏点)|坏点|焦糊味|夹生|不出水|不出热水|水温(?:忽冷忽热|不稳)|打不着火|不加热|加热(?:很|太)?慢',
    "\\b(?:doesn'?t charge|dead on arrival|doa|tinny|(?:cable|cord|strap) is (?:too |a bit )?short|bubbles|weak suction|suction could be (?:stronger|better)|(?:sound|picture|image) (?:is )?(?:poor|bad|muffled|distorted))\\b",
    '(?:松紧带?|橡皮筋|皮筋)[^，,。]{0,6}(?:就)?松了|硬(?:得)?(?:像|跟)(?:木头|石头|铁)|\\bhard (?:like|as) (?:wood|a rock|stone)',
    // round 7: a thing that is hard to use or gives way in use (太难用, 一拧就花, 滚轮乱跳, 渗水, 开始闪),
    // wears out over weeks (续航掉得快, 亮度下降, 第二周就不保温), food off in taste (偏咸, 烂斑, 全黑了)
    '(?:太|很|特别|真|巨|超|极其|非常)?难用|(?:不|没那么)好用(?!的)|不好使|不灵敏|不灵|乱跳|乱跑|失控|一(?:拧|拖|碰|用|洗|拉|摸|掰|踩|坐)就(?:花|散|断|坏|掉|破|裂|歪|松|变形)|渗水|往外(?:滴|漏|渗)|(?:开始|一直|老是|总是)(?:闪|花屏|掉线|断连|发烫)|闪屏|花屏|(?:续航|电量|电池)[^，,。]{0,4}掉得?(?:太|很|特别)?快|掉电(?:太|很|特别)?快|(?:亮度|吸力|音量|制冷|效果|电量)[^，,。]{0,4}(?:明显)?(?:下降|衰减|变差)|(?:第[一二三四五六七八九十\\d]+(?:天|周|个月)|[一二三四五六七八九十\\d]+(?:天|周|个月)(?:后|不到))就?(?:不|没|坏|漏|断|裂|掉|开)|冒(?:火花|烟|火)|发热(?:很|太|特别)?严重|发烫|烫手|进水|起雾|毛刺|碎棉花|疙疙瘩瘩|结块|烂斑|全黑了|(?:偏|太|特别|有点)(?:咸|酸|苦|腥|涩|硬|干)(?=[，。！,.!~]|$)|还酸|发酸|发苦|(?:锅把手?|把手|手柄|螺丝|零件|底座)[^，,。]{0,3}(?:松动|松了|掉了|断了)|破了个?洞|读(?:码|卡)(?:很|太)?慢|(?:整台|机器|机身)[^，,。]{0,6}(?:跳舞|晃|抖|震)|(?:连|传)[^，,。]{0,2}不上|老(?:是)?断(?:连|线)',
    "\\b(?:(?:button|buttons|thread|threads|seam|handle) (?:was |is |were |are |came )?(?:loose|off)|dead (?:pixels?|lines?)|(?:screen|display) (?:cracked|flickers?|flickering)|(?:sound|bass|audio) (?:is )?(?:flat|zero|weak|terrible)|bass is zero|(?:it|now|then|and it) (?:die[sd]?|dead)|water (?:enter|got in|came in)|sparks?|overheat(?:s|ing)?|gets? (?:very )?hot|hard to use|flimsy|wobbl(?:y|es)|(?:one|a) (?:that|which) works|a working (?:unit|one))\\b",
    // food gone off, a body that reacts
    '长毛|长霉|发霉|(?:一半|好几个|几个|有的|大部分)(?:都)?(?:烂|死|坏|臭|蔫|是空壳)(?:了|掉)?|散黄|(?:太|很|特别|巨)?咸(?:得|死|了)|齁|难以下咽|没法下咽|软塌塌|蔫了|(?:脸上|皮肤)?(?:冒|长|爆)(?:了)?(?:一堆|好多|很多|几个)?(?:的)?痘|红肿|(?:耳朵|皮肤|脸)(?:就)?(?:红|痒|绿|过敏)|飞粉|钻绒',
    "\\b(?:pills|pilling|fades?|faded|shr[iau]nks?|melted|strange noise|makes? (?:a |strange |weird )?noise|lasted (?:only |exactly )?(?:one|1|two|2) (?:day|days|week)|breaks|stopped working|broke|broken|doesn'?t work|does not (?:turn on|work)|not working|won'?t (?:turn on|charge)|stopped charging|leak(?:s|ing|ed)?|(?<!no (?:bad )?)smells? (?:bad|awful|terrible|like|strong)|(?:bad|strong|chemical|weird) smell|stinks?|uncomfortable|cheap (?:plastic|material)|poor quality|bad quality|low quality|quality (?:is )?(?:bad|poor|low|terrible)|(?:too|very|so|quite) thin|thin (?:material|fabric|cloth)|peel(?:s|ing|ed)|fell apart|falls apart|ripped|defect|faulty|scratch(?:es|ed)|noisy|battery (?:died|dies|only|drains)|rust|not sharp|dull|died|fell off|falls? off|came off|blurry|not accurate|inaccurate|stopped (?:charging|holding)|won'?t (?:hold|stick|close))\\b",
  ]),
  size: P([
    // round 8 batch 5: shoes like boats, a hem that stops at the navel, shrunk to a child's size, a sleeve a section short
    '像(?:踩|穿)了?(?:两条|一条|个|两个)?(?:船|雪橇|拖鞋)|(?:刚|只|才)(?:过|到)(?:肚脐|腰|膝盖|脚踝|屁股|小腿)|一(?:抬手|弯腰|蹲下?|伸手)就露|(?:洗|穿)[^，,。]{0,4}(?:成了|变成了?)(?:童装|小一号|小一码)|缩(?:成|了)(?:童装|一号|一码|一圈)|(?:小|大)了?一大圈|(?:长|短)(?:出)?一大?截',
    "\\bfits? (?:me )?like a (?:crop top|tent|sack|bag|blanket|kids?'? (?:size|shirt|dress)|child'?s? (?:size|shirt|dress))\\b|\\bsupposed to be a (?:dress|long|maxi)",
    // round 8 batch 3: a garment that ends at the wrong place on the body, hangs loose like night clothes
    "\\b(?:sleeves?|pants|trousers|legs?|dress|skirt|shirt|jacket|coat)\\b[^.!?]{0,12}\\b(?:ends?|stops?|comes?|reach(?:es)?) (?:at|to|above|below|just past) (?:my )?(?:elbows?|wrists?|ankles?|knees?|belly|waist|calf|calves|thighs?)\\b",
    '(?:穿上|穿起来|穿着)(?:跟|像)(?:是)?(?:穿了?)?(?:睡衣|麻袋|袍子|斗篷|帐篷|被罩|童装|紧身衣|雨衣)(?:似的|一样)?|空出(?:来)?一大块|(?:腰|肩|胸|背)(?:那里|那块|部)?(?:空|松)(?:出|了)(?:一大块|一截|好多)',
    // round 8: size implied by the body (像穿了弟弟的衣服, 像套了个麻袋, 脚指头伸不直, 只到小臂, 又短又透)
    '(?:像|跟|好像|活像|仿佛)(?:是)?(?:穿|套|偷|借)了?(?:个|件|条)?(?:[\\u4e00-\\u9fff]{0,4}的)?(?:衣服|裤子|麻袋|袍子|裙子|被子|鞋|大人的|小孩的|童装)|像(?:是)?(?:套|穿|顶|戴)了?(?:个|一个|件)?(?:麻袋|锅盖|被罩|床单|桶|大褂|戏服)|晃晃荡荡|空荡荡|(?:脚指头|脚趾头?)[^，,。]{0,4}(?:伸不直|蜷着|挤)|(?:袖子|裤腿|裙子|衣服)(?:只)?(?:到|在)(?:小臂|胳膊肘|手肘|肚脐|膝盖上|大腿)|又(?:短|小|长|肥|紧|窄)又(?:短|小|长|肥|紧|窄|透|薄|大)|又大又(?:肥|长|宽|松)|穿不进去|戴不进去?|套不进去?|戴上去?[^，,。]{0,8}(?:往下滑|往下掉|掉下来|勒|卡)',
    "\\b(?:looks? like (?:i|it) (?:borrowed|stole|took) (?:it )?from (?:my )?(?:little |baby |younger |big |older )?(?:sister|brother|son|daughter|kid|dad|father|mom|mother|grandpa|grandma)|(?:what|wtf) is this size|wrong size|fits? (?:a|my) (?:child|kid|doll)|like a tent on me|could fit two of me)\\b",
    '比(?:写的|标的|描述的|说的|页面上?写的)(?:矮|高|短|长|小|大|窄|宽|少)|(?:小|大)一圈|(?:买|拍)的\\d+(?:码|号)?[，,]?(?:穿着|穿起来|戴着)?(?:跟|像|只有)\\d+|(?:高度|长度|宽度|深度|容量|直径|厚度|围度)(?:只有|不够|不到|才)|塞不进|装不下|放不下',
    '偏小|偏大|偏长|偏短|偏紧|偏肥|勒得慌|勒脚|顶脚|脚趾顶|(?:小|大)了(?:[一两半]|\\d)个?码|(?:长|短)(?:出)?一大截|码数乱标|尺码(?:表)?乱写|(?:说是|标的?是?|写的?是?)[^，,。]{0,4}\\d+(?:码|号|cm|厘米|米)?[，,]?(?:实际|量了?一?下?|套上去|穿上)?(?:才|只有)|(?:裤长|衣长|袖长|长度|宽度|腰围|尺寸|床笠|床单)[^，,。]{0,8}(?:说是|标的?是?)[^，,。]{0,6}[，,][^，,。]{0,6}(?:才|只有|短|小|少)|小[一两半]码|大[一两半]码|(?<![差距别异镜味音声力劲风也])(?:有点|有些|太|稍微?|略|明显)(?:小|大|长|短|紧|肥|宽|窄)(?!小|大|家|概|方|气|牌|多|便宜|贵|郁闷|失望|遗憾|问题|瑕疵|毛病|差|意外|惊喜|心|点钱)|小得离谱|大得离谱|比(?:想象|预期)(?:中|的)?(?:小|大)|短这么多|只到(?:膝盖|脚踝|腰)',
    '穿不上|穿不进|穿不下|扣不上|戴不上|挤脚|夹脚|尺码(?:乱|不对|不准|不标准|有误|有问题|偏)|码数(?:不准|不对|偏)|尺寸(?:不对|不准|有误|偏|太)|(?:测量|尺寸)有误差|一样大|挽.{0,3}裤脚|(?:袖子|裤腿|裤子|衣长|腰围)(?:还|也|都)?(?:有点|太|偏)?(?:长|短|紧|肥|大|小)',
    "\\b(?:too (?:small|big|large|tight|loose|narrow|wide)|(?:is|are|so|too|very|quite|bit|little) narrow|fits? like (?:a )?(?:size )?(?:\\d+|xs|s|m|l|xl|xxl)|(?:xs|s|m|l|xl|xxl|\\d+) (?:is|are) like (?:a |an )?(?:xs|s|m|l|xl|xxl|\\d+)|(?:says|marked|labeled|labelled) (?:size )?\\d+ but|short even for|(?:sleeves|legs|pants) (?:a )?(?:bit |little )?(?:long|short)|sizes? (?:are|is) wrong|(?:sleeves?|legs?|pants|trousers|dress|shirt|skirt|jacket|coat) (?:are |is )?(?:a bit |little )?too (?:long|short)|runs? (?:small|large|big)|(?:doesn'?t|didn'?t|does not|not) fit|(?:size|sizing) (?:is )?(?:wrong|off|small|big)|smaller than|bigger than|size chart|(?:little|bit|too) (?:tight|loose) in|more like (?:a )?(?:size )?\\d)\\b",
  ]),
  color: P([
    "\\b(?:photos?|pictures?|pics?|listing|images?) (?:show|shows|showed|is|was)\\b[^.!?]{0,24}\\b(?:gold|silver|red|blue|green|yellow|pink|white|black|grey|gray|purple|beige|brown|orange|navy)\\b[^.!?]{0,30}\\b(?:i got|what i got|received|arrived|came)\\b",
    '(?:图片|图上|照片|主图|卖家秀)(?:是|上是)?[^，,。]{0,4}(?:[红橙黄绿蓝紫灰黑白粉棕]|金|银)[^，,。]{0,3}[，,][^。！!]{0,4}(?:到手|收到|实物|寄来|拿到)(?:的)?(?:是|却是|成了)?[^，,。]{0,4}色|两个颜色|完全不是一个色',
    // round 8: a photo that lied about the colour (被卖家秀骗了, 买家秀和卖家秀), "not navy, almost purple"
    '(?:被|又被)(?:图片|卖家秀|照片|主图|滤镜)(?:给)?骗|买家秀(?:和|跟|与)卖家秀|(?:图片|卖家秀|照片|主图)(?:加了|开了|有)滤镜|如果你?(?:戴着|带着|戴)墨镜',
    "\\b(?:is|it'?s) not (?:navy|black|white|red|blue|green|grey|gray|pink|beige|brown|purple|gold|silver)\\W+(?:it is|it's|more like|but|rather|almost)",
    '(?:说是|标的?是?|买的|拍的|图片?是|选的)[^，,。]{0,5}(?:浅|深|藏|雾霾|奶|米|酒)?[红橙黄绿蓝紫灰黑白粉棕咖米杏青金银][色]?[，,](?:收到|到手|实物|发来|寄来|染出来|涂出来|用出来|穿出来|洗出来)(?:的)?(?:是|却是|像|看着像|成了)?[^，,。]{0,4}(?:[红橙黄绿蓝紫灰黑白粉棕咖米杏青]|色)|(?:深浅|颜色)[^，,。]{0,4}不一样?|不是一个缸',
    "\\b(?:(?:red|blue|black|white|pink|green|grey|gray|gold|silver|purple|navy|beige|brown) (?:is|looks?|look like|more like|is more) (?:more |like |a )?(?:orange|grey|gray|purple|pink|brown|yellow|red|blue|black|white|green)(?:ish)?|colou?r (?:is )?(?:totally|completely|very|so) (?:different|wrong|off)|more dark|(?:darker|lighter) (?:vs|compared)|not the (?:pink|red|blue|black|white|green|grey|gray|colou?r) (?:in|on|of) (?:the )?(?:photo|picture|pic))\\b",
    '色差|偏色|偏黄|偏红|偏绿|偏蓝|偏灰|偏暗|偏橘|颜色(?:和|跟|与)?[^，,。！!]{0,8}(?:不一样|不对|不同|差|深|浅|暗|不符|两样)|(?:比|跟|和)(?:图|图片|照片|实拍)(?:上|里|片)?.{0,6}(?:深|浅|暗|亮|黄|红|不一样)',
    '(?:图片|照片|图)(?:上|里)?.{0,12}(?:收到|实物|到手|到我手里)(?:的|是|却|变成)?.{0,6}色|调色|(?:收到|实物|到手)(?:的|是|却)?.{0,4}(?:是|成了|变成)?.{1,4}色(?:的)?(?=[，。！,.!]|$)|变成了.{0,4}色|色号.{0,6}(?:偏|不对|不一样|差)',
    '(?<![不没])(?:说是|标的是|拍的是?)[^，,。]{0,6}(?:色|金|银)[，,]?(?:到手|收到|实物)|[红橙黄绿蓝紫灰黑白粉棕咖米杏]色?发[红橙黄绿蓝紫灰黑白粉](?!芽)|(?:跟|和|与)(?:页面|图片|图|模特图)(?:上|里)?的?.{0,6}(?:有点|有些)?(?:差别|差异)|(?:is|looks|more) (?:actually )?(?:pink|red|blue|green|grey|gray|black|white|brown|purple|orange|yellow|beige)(?:ish)? than|actually (?:dark |light |bright |pale )?(?:pink|red|blue|green|grey|gray|black|white|brown|purple|orange|yellow|beige)|looks? nothing like the (?:picture|photo|pic)s?|(?:colou?r|shade) (?:is )?way off|colou?r (?:is )?(?:different|wrong|not|off|darker|lighter)|different colou?r|(?:darker|lighter|brighter) than|(?:not|doesn.t look) (?:like|the same as) (?:the )?(?:picture|photo|pic)|not same (?:product )?look|received (?:a )?(?:dark|light)',
  ]),
  logistics: P([
    "\\barrived (?:broken|smashed|cracked|shattered|damaged|bent|in pieces)\\b",
    '(?:到手|收到|拆开|打开)(?:就|时|的时候)?[^，,。]{0,4}(?:碎|裂|摔坏)|(?:东西|货|杯子|碗|盘子|玻璃|镜子|花瓶)(?:都|全)?(?:碎了|裂了|摔坏了)|碎了(?:一个|两个|三个|几个|一半|好几个)',
    // round 8: the shop's promise about the shipping not kept is logistics too (README-blind-r7: staff promises + slow shipment)
    '(?:客服|卖家|商家|老板|店家|售后)(?:答应|保证|承诺|说好|说会|说)(?:了)?(?:帮我|给我|会)?[^。！!]{0,10}(?:发货|发出|就发|天发|寄出|备注|驿站|改地址|地址|送货|送上门|放门口|加急)[^。！!]{0,10}(?:结果|到现在|可是|却|但是|等到|等了|第[二三四五六七八九十]天)[^。！!]{0,8}(?:还是|才|没|又|扔|放|第[二三四五六七八九十]天)',
    // round 8: logistics read from time and a parcel that vanished (下单八天还在揽收, 显示已签收没人来过, 退回给卖家)
    '(?:写|说|承诺|保证|标)(?:的)?(?:次日|当日|隔日|24小时|48小时|[一二三四五\\d]天)(?:内)?(?:送达|达|到|到货)[^。！!]{0,8}(?:实际|结果|拖|第[二三四五六七八九十]天|才到)|(?:还在|一直在|仍在)揽收|(?:下单|付款|拍下|买了)(?:都)?(?:[一二两三四五六七八九十几半\\d]+)(?:天|周|个星期|个礼拜)(?:了)?[^，,。]{0,4}(?:还|都|才|没)|(?:显示|已经?)(?:已)?签收[^。！!]{0,14}(?:没人|没有人|没收到|根本没|没见)|下落不明|(?:退回|退还|寄回)(?:给)?(?:了)?(?:卖家|商家|发货地)|快地[^，,。]{0,3}慢|等了(?:点|一点|些|一些|好些|很久的?|好久的?|老半天|小半个月|大半个月)(?:时间|天)?|(?:在路上|路上)(?:走|跑|晃)了[一二两三四五六七八九十几\\d]+天|(?:说好的|承诺的)[^，,。]{0,6}(?:速度|次日达|当日达|隔日达|时效)(?:呢|哪去了|[？?])',
    "\\b(?:took|takes|taking) (?:almost |nearly |over |more than )?(?:\\w+ )?(?:months?|weeks?) to (?:arrive|come|get here)|returned to (?:the )?(?:seller|sender)|(?:was |got )?return(?:ed)? to seller|only \\d+ months|\\b\\d+ (?:weeks|months) (?:of )?waiting|still \"?in transit|marked (?:as )?delivered but|says delivered but",
    '物流(?:也|还|真的?)?(?:很|太|特别|有点|有些|比较|真|超|巨)?(?:慢|差|龟速)|快递(?:也|还)?(?:很|太|特别|有点|有些|比较|真)?(?:慢|差)|发货(?:也|还)?(?:很|太|特别|有点|稍|略|比较|稍微)?慢|中转站|还在中转|次日达[^。！!]{0,10}(?:第[二三四五六七八九十]天|没到|还没)|绕了(?:一|一大)?圈|送到了?(?:隔壁|别人家|别的小区)|到货(?:很|太)?慢|慢得要死|龟速|(?:晚|迟)到|晚了(?:整整)?[一两三四五六七八九十几半\\d]+(?:天|周|个月)|(?:隔|过|等)了.{0,3}(?:天|周)才发|才发(?:货|出)|还没动静|望穿秋水|拖了|等了(?:快|将近)?[一二两三四五六七八九十几半\\d]+(?:天|周|个星期|礼拜|个月)|半个月(?:才|还没)|一周(?:后)?才|还没(?:到|收到)|没收到货|丢件|丢了|送错|(?:压|摔|砸)(?:坏|扁|碎|烂)|碎成|在路上.{0,6}(?:天|周)',
    '(?:快递|物流|派送|配送)(?:员|小哥)?.{0,8}(?:扔|态度(?:差|恶劣|不好)|不送上门|让我自己|骂人|不打电话|放驿站)|不发货|迟迟不发|催发货',
    // round 7: the carrier's conduct and a delivery that did not happen (丢在雨里, 扔件, 派送失败, 寄到别的城市)
    '扔件|慢了(?:一|两|半|1|2)天|被(?:别人|他人|陌生人)(?:签收|拿走|领走)|冒领|(?:丢|扔|放)在(?:雨里|门口|地上|楼下|门卫|保安|外面)|派送失败|(?:派送|送货|快递)[^。！!]{0,10}没人(?:来|送)|寄到(?:了)?别的(?:城市|地方|省)|兜了(?:一)?大?圈|送到楼下(?:就)?不管|物流(?:信息)?[^，,。]{0,6}(?:没|不)(?:更新|动)|停了[一二三四五六七八九十几\\d]+天|延迟(?:了|发货|到)|延误|(?:压|摔|砸|踩)(?:坏|扁|碎|烂|裂)|(?<=^|[，,。！!])(?:太|很|特别|有点)慢(?:了|死了)?(?=[，。！,.!]|$)',
    "\\b(?:(?:very |so |too |came |arrived |arrive )late|late\\.|shipping takes? (?:a )?(?:very )?long|long time (?:to arrive|shipping)|came after \\d+ (?:days|weeks)|wrong address|stealing (?:parcels|packages)|left (?:it )?outside|(?:in|under) (?:the )?rain)\\b",
    "\\b(?:(?:slow|late) ship+ing|delivery takes? \\d+|\\d+ days to arrive|took \\d+ (?:days|weeks|months)|(?:slow|late) (?:shipping|delivery)|(?:shipping|delivery) (?:was |is )?(?:slow|late|took|very long)|never arrived|lost (?:my|the) (?:package|parcel)|arrived late|crushed|damaged (?:in|during) (?:transit|shipping)|destroyed by the courier|courier (?:threw|left|was rude)|\\d+ (?:weeks|months) to arrive)\\b",
  ]),
  service: P([
    "\\b(?:zero|no) help(?: at all)?\\b|\\b(?:answers?|replies|replied|responds?) (?:every|each|all|my)[^.!?]{0,20}\\bwith (?:a |an )?(?:sticker|emoji|template|bot|copy)|回(?:个|了个|一个)?表情(?:包)?|回消息要等(?:半天|一天|好久)|问个[^，,。]{0,4}都费劲",
    // round 8: replies that never come to anything (一直说在查, 电话占线), "not our problem", a promise to act not kept
    '(?:售后|客服|商家|卖家)?电话(?:永远|一直|总是|老是)?(?:占线|没人接|打不通|无人接听)|售后[^，,。]{0,4}劝退|(?:来回)?(?:邮费|运费)(?:要)?(?:我)?自己出|(?:都|一直|总是|只)说(?:在查|查一下|在处理|在核实|等通知)[^。！!]{0,12}(?:没结果|还在|还没|没下文|没动静)|(?:跟|和|与)(?:他们|我们|商家|卖家|店铺)(?:没|无)关系?|没人(?:负责|管|处理)|(?:说|把我说)成(?:是)?(?:来)?占便宜|说我(?:是)?(?:来)?占便宜|问了(?:就)?说忘了|价保[^，,。]{0,4}(?:被拒|不给|拒绝|不通过)|(?:客服|卖家|商家|老板|店家|售后)(?:答应|保证|承诺|说好|说会|说)(?:了)?(?:帮我|给我|会)?[^。！!]{0,14}(?:结果|到现在|至今|可是|却|但是|等到|等了|第[二三四五六七八九十几]天)(?:还是|也|都)?(?:没|不|还没|又|扔|放|第[二三四五六七八九十几]天|[^。！!，,]{0,6}才|[^。！!，,]{0,8}还是没|[^。！!，,]{0,6}(?:没(?:更新|动静|下文|消息|回|处理)|不理|不回))|(?:承诺|答应|说好)(?:给|补|送|退)[^。！!]{0,12}(?:到现在|至今|还没|没见|没有|也没)',
    "\\b(?:nobody|no one|no-one) (?:pick|picks|picked|answer|answers|answered)(?: up)?\\b|\\bnot (?:his|her|their|my|our) (?:problem|fault|responsibility)|closed the chat|(?:say|says|said) (?:it is |it's )?not (?:his|her|their) problem",
    '(?:客服|卖家|商家|店家|老板|掌柜|售后)[^，。！,.!]{0,10}(?:不回|没人回|不理|爱答不理|态度(?:很|太|特别|极其|真|也|非常)?(?:差|恶劣|不好|冷漠|敷衍|一般|恶心)|敷衍|怼|骂|推脱|推卸|不认|不管|不处理|死不承认|甩锅|踢皮球|拖着|装死|拉黑|说.{0,8}(?:不管|不认|结束|没办法|是我))',
    '态度(?:很|太|特别|极其|真)?(?:差|恶劣|不好|冷漠|敷衍)|(?:问|催)了[一二三四五六七八九十两几\\d]+(?:天|次|回|遍)(?:才|都|也|还)|(?:全是|都是|只有)自动回复|一个真人都没有|说我事多|阴阳怪气|犟嘴|辱骂|挂(?:我)?电话|说(?:给|帮我)?补发[^。！!]{0,10}(?:没|不)|(?:每次|问)就?(?:都)?说(?:马上|在安排|在处理|在排单|等等)|[“"](?:在安排|在处理|在排单|马上|亲耐心等待)[”"]|只会说|没人来取|上门取件[^。！!]{0,10}没|硬说没收到|说(?:这)?是正常(?:损耗|现象)|(?:客服|卖家|商家|售后)(?:只|就|还)?说[^，,。]{0,12}(?:有误差|就是一件|要扣|我全出|我自己出|不能补|不能退|不能换)|(?:客服|卖家|商家)[^，,。]{0,4}说我不会|退款[^，,。]{0,6}(?:拖|还没到|没到账|迟迟)|让我自己(?:寄|拿|送)|说(?:活动价|特价)?不(?:保|退|换)|发票[^，,。]{0,6}(?:没开|不开|催)|不回(?:复|消息)?|没人回|没人理|回复(?:很|太)?慢|说好的?[^，。！]{0,12}(?:没|不|又|结果)|言而无信|出尔反尔|只会说|一次没回|没个解释|价保(?:还)?不给|不认账|不给(?:退|换)|被怼|拒绝(?:退|换)|推三阻四|扯皮|推来推去|踢皮球|让我自己(?:找|联系|去找|去买|买|处理|解决|想办法)|(?:说|就说)[^，,。]{0,8}不(?:能|给|让)退|不让退|已读不回|唔理人|不理人|装不认识|装傻|敷衍了事',
    "\\b(?:rude|no (?:reply|response|answer)|blocked me|hang up on me|hung up on me|keep saying|kept saying|then no answer|wait my friend|refuse(?:s|d)? (?:to )?refund|never (?:reply|replied|answer|answered|respond|responded)|ignor(?:e|ed|ing)|seller refuse[sd]?|(?:don'?t|doesn'?t|didn'?t) (?:answer|reply|respond)|answer my messages|bad service|poor service|terrible service|unhelpful)\\b",
  ]),
  description: P([
    "\\bsays \\d+\\s?(?:gb|tb|mah|w|ml|cm|mm|inch|inches|pcs|pieces)\\b[^.!?]{0,40}\\b(?:shows?|only|real|actual|is)\\b|\\b(?:real|actual|fake) capacity\\b|\\bnothing like the (?:listing|description|ad|page)\\b|\\bthan (?:the )?(?:size )?chart (?:says|said|shows)",
    '(?:比|跟|和)尺码表(?:上)?(?:写的|标的)',
    // round 8: a claim about the goods that proves false (客服说能装下十三寸，结果塞不进去; 详情页写真丝，标签写聚酯), a part missing from the box
    '(?:客服|卖家|商家|老板|店家|详情页?|页面|宣传|广告|链接)(?:信誓旦旦(?:地)?)?(?:说|写|讲|保证|承诺|标)(?:的)?(?:是|能|可以|这款|这个)?(?![^。！!，,]{0,12}(?:发|寄|退|补|申请|催|处理|到账|回复|回电|赔|换|修|备注|驿站|地址|送达|到货|次日|当日|放门口))[^。！!，,]{1,14}[，,][^。！!]{0,4}(?:结果|实际|到手|拿回来|拿到|标签|洗了|用了|一(?:用|洗|泡|试))[^。！!]{0,12}(?:不|没|进水|湿|薄|缩|掉|对不上|塞不进|放不进|装不下|放不下|只|才|是)|说是(?:能|可以|带|有|送|配)[^，,。]{1,10}[，,][^。！!]{0,12}(?:没有|没找到|找不到|根本|结果|实际|只)|(?<![他她])说(?:是)?(?:能|可以|适配|兼容|适合|支持)[^，,。]{1,12}[，,][^。！!]{0,12}(?:对不上|装不上|不兼容|不能用|不支持|塞不进|放不进|放不下)|缺了?(?:[一两几]?[根个件块张条只片套把])|(?:盒子|箱子|包裹|包装)里[^，,。]{0,4}(?:没有|缺)(?!破|坏|碎|问题)|没(?:给|配|带)(?:原装|配套)|(?:翻遍|找遍)[^。]{0,10}(?:没|都没)|买一(?:赠|送)一[^。]{0,12}(?:一个|孤零零|只有)|说明书(?:只有|全是)(?:英文|日文|外文)|(?:发来|收到|寄来)(?:的是)?(?:[大小中]号|别的型号)',
    "\\b(?:only one [a-z]+ in the box|where is the other one|instructions? (?:only|just) in (?:chinese|english)|not new\\b|(?:has|had|with) (?:someone'?s )?fingerprints)",
    '两码事|货不对版|不是(?:页面|图片|详情页?|主图)上?(?:的|那种|那个)|(?:说明书|页面|详情)?写的?(?:是|有)[^，,。]{1,10}[，,]实际(?:只有|才|是)|不对版|别人(?:的)?退(?:回来|货)|(?:上一个|前一个)(?:人|买家)|收到别人的|假一赔三|(?:详情页|页面|主图|图片?)(?:上)?(?:写(?:着)?|是|显示)?(?:送|有)?[^，,。]{0,8}[，,](?:打开|实际|结果|收到|到手)[^，,。]{0,4}(?:啥也没|什么都没|只有|才|就|没有)|说的是[^，,。]{1,8}[，,][^，,。]{0,6}(?:才|只有)|说明书[^，,。]{0,6}(?:英文|没有中文|看不懂)|标价的?是[^，,。]{1,6}[，,][^，,。]{0,4}(?:只|就)',
    "\\b(?:not real (?:leather|wood|silver|gold|cotton)|this is not (?:leather|real|original|genuine)|pictures? shows? \\d+|(?:it )?says (?:waterproof|\\d+)|believing the pictures)\\b",
    '不符|与描述不|虚标|副厂|不是原装|样机|激活过|收到就几|差这么多|发成别人|明明是|跟描述不|和描述不|货不对板|假货|是假的|假冒|仿品|高仿|不是正品|翻新|二手|用过的|使用痕迹|少发|漏发|少了|缺(?:了|少)?(?:一|个|件|配件)|错发|发错|不是我(?:买|要|拍)的|型号不对|版本不对|收到(?:的)?是?.{0,4}版|空盒子|图片?.{0,6}(?:不是一个东西|不一样的东西)',
    '(?:赠品|书签|配件|附赠|赠送|送的).{0,8}(?:没|没有|未)(?:收到|送|给|发|有)|(?:没|没有)(?:收到|送|给|发)?.{0,3}(?:赠品|配件)|写的?附赠|说是附赠|(?:页面|宣传|描述)(?:上|里)?(?:明明|写着|说).{0,16}',
    '(?<![他她我人])(?:说是|号称|标着|标的|宣传的?|页面(?:上)?写|链接写的?是?)(?![^，,。！!]{0,6}(?:色|码|分|价|寸|号|蓝|白|黑|红|绿|粉|灰|金|银|紫|黄))[^，,。！!]{1,14}[，,]?[^。！!]{0,10}(?:到手|收到|结果|其实|实际|拆开|一看|发来|明显|根本|肯定不是|只有|只收到|摸着|闻着|跟化纤)|(?:买的|拍的|下单的?)[^，,。]{0,6}\\d+\\s*(?:g|gb|t|tb|ml|寸|斤|件|个)[^，,。]{0,6}[，,]?(?:到手|收到|发来)(?:是|的是)?[^，,。]{0,3}\\d+|只收到(?:一|1)个|买一送一[^。]{0,8}(?:只|就)',
    "\\b(?:(?:like|as) (?:the )?title says?|ordered (?:the )?[^.,!?]{0,20} and (?:received|got)|title says?|i (?:receive|received|got) only|even (?:if |though )?i (?:choose|chose|ordered|select)|not as described|not (?:as|like) (?:the )?(?:description|picture|photo)|fake|not original|counterfeit|missing|wrong (?:item|model|product|size|colou?r|version)|only \\d+ (?:pieces|pcs)|not \\d+ as|used product|refurbished|empty box|(?:description|page|listing) (?:say|says|said))\\b",
  ]),
  price: P([
    '亏大了|血亏|(?:买|花)[^，,。]{0,6}(?:冤枉钱|智商税)',
    "\\bfor this price\\b[^.!?]{0,20}\\b(?:i (?:expected|expect)|expected at least|should (?:be|have|at least))\\b",
    '(?:这|这个)价(?:格|钱|位)?(?:就)?(?:买(?:个|了个|这么个)?|就这)(?:这|这么个)?(?:玩意|东西|货)|还不如去(?:夜市|地摊|批发市场|超市|菜市场)',
    // round 8: a discount that did not apply at checkout, running costs, cheaper nearby
    '(?:满减|半价|折扣|优惠|活动价|券|第二件)[^。！!]{0,10}(?:结算|付款|下单|支付)[^。！!]{0,8}(?:没|不|用不了)|(?:成本|耗材|滤芯|配件|替换装)[^，,。]{0,6}(?:太|很|有点|偏)?(?:高|贵)|白凑单|又要我(?:出|付)[^，,。]{0,4}运费',
    "\\b(?:sells? (?:it |them )?for|costs?) [^.!?]{0,12}\\b(?:less|cheaper)\\b|\\b\\d+ (?:euros?|dollars?|usd|eur|bucks) (?:less|cheaper)\\b",
    '买个寂寞|(?:[一二三四五六七八九十百千两几]+|\\d+)多?(?:块|元)钱?(?:的[^，,。]{0,6})?就这(?:质感|质量|水平|东西)?[？?]|就这质感|不值这个钱|抢钱|(?:买完|刚买|付完|下单后|一看)[^。！!]{0,16}便宜了|比我(?:买的)?便宜|服务费|会员价[^，,。]{0,6}没了|原价扣|券(?:也|都)?(?:过期|失效)|折价[^，,。]{0,6}(?:低|少)|(?:块|元)钱?的东西(?:收|要)[^，,。]{0,4}运费|对不起这个价|对得起这个价(?:吗|？|\\?)|贵(?:的|得)离谱|到付[^，,。]{0,4}运费|包邮是骗人|一过(?:就)?变|(?:卖|要)(?:[一二三四五六七八九十百千两]+|\\d+)(?:块|元)?[，,][^。！!]{0,10}(?:地摊|十块|几块)|不值这个价',
    "\\b(?:cheaper (?:on|at|in) |pricey|too pricey|overpriced|price (?:is )?(?:too )?high)",
    '满减(?:没|不)(?:给|减|算)|没给减|多(?:付|收|扣)了|(?:另|额外|还要|又)(?:收|算|加收|付)(?:了)?(?:[一二三四五六七八九十百两几\\d]+)?(?:块|元|运费|安装费|费)?|(?:优惠)?券(?:用不了|不能用|没用上|用不上)|补贴.{0,6}(?:没给|只给|少给|没到)|(?:退)?差价(?:不给|不退|不补)',
    '(?:太|很|有点|偏|略|稍)(?:小)?贵|贵了|不值(?!得(?:买|入|推荐))|性价比(?:很|太)?(?:低|不高|差)|不太值|价格(?:再|能|要是能)(?:亲民|便宜|低|实惠)|多出来.{0,6}运费|降了(?:[一二三四五六七八九十百两几]+|\\d+)(?:块|元)?(?=[，。！,.!]|$)|降价(?!了?(?:还能|直接|也能|可以)?(?:价保|退差价|保价))|(?:比|跟)(?:我|我们)(?:买|拍|下单)的?(?:时候)?(?:还)?便宜|(?:刚|才)买(?:完|了)?就?(?:降|便宜)|便宜了?一半|差价|涨价|涨了|价格.{0,4}(?:涨|高|虚高)|(?:加|收|多收|又收|另收|补|还要)(?:了)?(?:\\d+(?:块|元)?)?运费|运费(?:太贵|贵|加|要\\d|\\d+)|附加费|上楼费|搬运费|(?:还要|又|额外|另外|另|加)收[^，,。]{0,6}费|(?:直播间|活动|双十一|618|第二天|隔天|现在)[^，,。]{0,4}便宜了|加了\\d+|额外(?:收|加)|乱收费|收费|割韭菜|冤大头|交智商税|肉疼|不参加|不能用券|用不了券|被坑|不如多花|买亏了|亏了',
    '这个价(?:格|钱|位)?[^。！!]{0,10}(?:可以|能|都能)买(?:到)?(?:更好|别的|两)|(?:比|跟)这(?:里|家|边|儿)(?:要)?便宜|买(?:完|了)?(?:就|第二天|隔天|没几天)(?:就)?降',
    "\\b(?:price (?:go|goes|went|has gone) down|price drop(?:ped)?|dropped (?:by )?\\$?\\d|overpriced|(?<!looks (?:more )?)expensive|not worth|cheaper|hidden fees?|extra (?:fee|charge|cost)|price dropped|customs fee|service fee|too much money)\\b",
  ]),
  packaging: P([
    "\\b(?:came|arrived|sent|shipped|packed) in (?:a |an )?(?:paper |plastic |thin |flimsy )?(?:envelope|bag)\\b|\\b(?:box|package) (?:was )?(?:ripped|torn) open\\b",
    // round 8: a crushed or dented box, no cushioning at all, a thin bag around fragile goods
    '(?:外箱|外盒|纸箱|箱子|盒子|礼盒|外包装|包装盒|快递箱)[^，,。]{0,8}(?:凹|塌|压扁|压坏|压变形|压得变形|湿透|泡烂|压成(?:了)?(?:饼|片|扁))|(?:一点|任何)?(?:缓冲|泡沫|气泡膜|防护)(?:都|也)?没有|(?:就|只)(?:塞|垫|放)了(?:几|一)?(?:团|张|层)(?:报纸|纸)',
    "\\b(?:(?:box|carton|package|parcel) (?:was |came |arrived )?(?:totally |completely |badly |all )?(?:crushed|dented|soaked|wet(?: through)?|torn)|(?:only |just )?wrapped in (?:a |one )?(?:thin )?(?:plastic )?bag|no (?:padding|cushioning)(?: at all)?)\\b",
    '(?:手提袋|礼品袋|袋子)(?:也)?(?:没给|没有|没送)|没有袋子|(?:真空袋|包装袋?|包装盒)[^，,。]{0,4}(?:漏气|破了|开了)|(?:外箱|外盒|纸箱|箱子|盒子|包装盒)上[^，,。]{0,4}(?:全是|都是)?(?:胶带|灰|污渍|印子)|(?:就|只有)一个网兜',
    '包装(?:很|太|特别|有点|也|比较)?(?:差|简陋|破|烂|简单|一般|不行|随便|敷衍|脏)|包装.{0,4}(?:再|不够|不太)(?:用心|好|加强|结实|精致)|包装(?:可以|需要|得|要)(?:再)?(?:加强|改进)|建议.{0,6}(?:加|多).{0,4}(?:泡沫|气泡|包装)|包装(?:袋|盒|箱)?(?:都)?破|(?:没有|没|连个)(?:包装|盒子|箱子|快递盒|礼盒|外盒|首饰盒|外包装|纸盒|缓冲|泡沫|气泡膜|保护)|裸瓶|只有一层(?:膜|塑料膜?|袋子)',
    '裹了一层|包装.{0,6}用点心|过度包装|太浪费|(?:就|只有|只用|只是|直接)(?:用|拿|装|套)?(?:了)?(?:一个|个|一层)?(?:薄)?(?:塑料袋|袋子|快递袋|自封袋)|快递袋里直接|(?:外箱|外盒|纸箱|箱子|盒子|礼盒|外包装|包装盒)(?:有点|都|也)?.{0,4}(?:破|烂|瘪|旧|脏|灰|湿|变形|压扁|折痕)|二次封装|胶带贴了|(?:罐|瓶)(?:子)?(?:没)?封好',
    "\\b(?:no (?:bubble wrap|box|packaging|protection)|packaging (?:was |is )?(?:poor|bad|terrible|damaged|awful)|packing (?:was |is )?(?:poor|bad|terrible)|box (?:came |was |arrived )?(?:a bit )?(?:crushed|damaged|broken|destroyed|wet|dirty)|thin bag|just a (?:thin )?bag)\\b",
  ]),
};

const NEGATOR_BEFORE = /(不会|不易|不容易|从不|没怎么|没有|没|不|无|毫无|并不|一点也不|一点都不|no|not|never|without)\s*(?:一点|一根|一丝|任何|什么|半点|any|a)?\s*$/;

const TRANSIT = /(快递|物流|运输|路上|摔|压|砸|包装|箱|盒|袋|courier|box|package|parcel|shipping|transit|delivery)/;
const BREAKAGE = /^(?:裂|断|坏|碎|破|漏|broke|broken|leak)/;
const NOT_SHOP_STAFF = /(快递|驿站|小哥|骑手|司机|配送|送货|物流|courier|driver|delivery)/;
const AFTER_SALE = /(退款|退货|退钱|客服|售后|补发|上门|处理|检测|钱|赠品|refund|seller)/;

/** A phrase's cause only in its context: breakage in transit is not quality, a courier's attitude is not service, waiting on a refund is not logistics. */
function inContext(cause: CauseId, phrase: string, t: string, at: number): boolean {
  const before = t.slice(Math.max(0, at - 14), at);
  if (cause === 'size' && /(味|味道|气味|声|音|噪|动静|色差|差距|力|屏|字|量|区别|影响|问题|风|火|雨)$/.test(before.slice(-3).replace(/(也|都|还|真的?|实在)$/, ''))) return false;
  if (cause === 'quality' && BREAKAGE.test(phrase) && TRANSIT.test(t)) return false;
  // A phone nobody answers is the courier's when the courier or the station is named; "nobody in charge" is the shop's only when the shop was asked (round 8).
  if (cause === 'service' && /电话/.test(phrase) && /(快递|驿站|小哥|骑手|司机|物流|courier)/.test(t.slice(Math.max(0, at - 20), at + phrase.length))) return false;
  if (cause === 'service' && /^没人(?:负责|管|处理)/.test(phrase) && !/(卖家|商家|客服|店家|老板|售后)/.test(t.slice(Math.max(0, at - 24), at))) return false;
  // A coupon or discount that cannot be used is price, not a product that fails (round 8).
  if (cause === 'quality' && /^(?:用不了|不能用|没法用)/.test(phrase) && /(券|满减|优惠|红包|积分|活动|折扣)/.test(before)) return false;
  // 比超市便宜一半 is praise of this shop's price, not a price drop after buying (round 8).
  if (cause === 'price' && /^便宜/.test(phrase) && /比(?!我)[^，,。]{1,8}$/.test(before)) return false;
  if (cause === 'service' && /态度|rude/.test(phrase) && NOT_SHOP_STAFF.test(before + phrase)) return false;
  if (cause === 'logistics' && /^(?:拖|等了|半个月|一周|还没)/.test(phrase) && AFTER_SALE.test(before)) return false;
  // A broken promise (说好的…) is the shop's service only when the shop promised it: a delivery
  // promise (次日达, 送货上门) is logistics, a listed gift or page claim is description (round 6 boundary rules).
  if (cause === 'service' && /^说好/.test(phrase)) {
    const promised = t.slice(at, at + 16);
    if (/(次日达|当日达|隔日达|送货上门|送上门|送到家|上门|到货|时效|包邮|赠品|页面|详情|写的|没送|送的|满减|半价|优惠|折扣|券|价保|活动价)/.test(promised) && !/(客服|卖家|商家|老板|店家|售后|掌柜)/.test(t.slice(Math.max(0, at - 10), at + 16))) return false;
  }
  return true;
}

/** Causes whose complaint phrases occur in the text (normalised: NFKC, lower case). */
export function ruleCauses(raw: string): Set<CauseId> {
  const t = raw.normalize('NFKC').toLowerCase();
  const found = new Set<CauseId>();
  let sizePhrase = '';
  for (const [cause, re] of Object.entries(CAUSE_PHRASES) as Array<[CauseId, RegExp]>) {
    // exec on the shared expression, not matchAll (which clones it, and a clone starts cold every call).
    re.lastIndex = 0;
    for (let m = re.exec(t); m !== null; m = re.exec(t)) {
      if (m[0].length === 0) re.lastIndex++;
      const before = t.slice(Math.max(0, (m.index ?? 0) - 7), m.index ?? 0);
      if (NEGATOR_BEFORE.test(before)) continue;
      const after = t.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 4);
      if (!m[0].startsWith('连') && /^(?:的)?(?:都|也)?没有/.test(after)) continue; // 一个坏的都没有
      if (!inContext(cause, m[0], t, m.index ?? 0)) continue;
      if (cause === 'size') sizePhrase = m[0];
      found.add(cause);
      break;
    }
  }
  // The staff's or the page's claim that it fits (能放下十五寸) proven false is description, not size (README-blind-r7).
  if (found.has('size') && found.has('description') && /^(?:塞不进|装不下|放不下|放不进)/.test(sizePhrase) && /(?:说|写|标|宣传)(?:的)?(?:是)?(?:能|可以)/.test(t)) found.delete('size');
  return found;
}

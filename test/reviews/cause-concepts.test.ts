// Causes as concepts (R8; issue 13 round 4): a part or function that fails, food gone off, a
// body that reacts, and a claim against what came. Sentences written for this test by hand;
// none is taken from an evaluation or development set.
import { describe, expect, it } from 'vitest';
import { ruleCauses } from '../../src/core/reviews/cause-rules.js';

const has = (t: string): string[] => [...ruleCauses(t)].sort();

describe('ruleCauses: quality as a failing function', () => {
  it.each([
    '电饭煲盖子合不上，一煮就往外喷气',
    '台灯用了不到一个月，亮度越来越暗',
    '厨房秤不准，同一袋米称出三个重量',
    '菜刀是钝的，切番茄都切不动',
    '监控晚上拍出来全是噪点，人脸看不清',
    '无线鼠标老是连击，点一下开两个网页',
    '扫地机器人吸力越来越小，毛发都吸不起来',
    '追评：加湿器用到第十天就开不了机了',
    '榴莲打开一半都烂了，味道也不对',
    '腊肉咸得发苦，根本没法下咽',
    '面霜用了脸上冒了一堆痘',
    '散粉飞粉严重，刷一下满桌子都是',
    'The scissors are dull, they cannot cut paper',
    'Sole came off after two days',
  ])('%s → quality', (t) => {
    expect(has(t)).toContain('quality');
  });
  it.each([
    '剃须刀声音小，刮得干净',
    '按尺码表买的，扣子扣不上',
    '尺码表不准，腰围大了一圈',
    '客服死了吗，回个消息这么难',
    '买完没几天就降价了，有点心塞',
  ])('%s → no quality', (t) => {
    expect(has(t)).not.toContain('quality');
  });
});

describe('ruleCauses: description as a claim against what came', () => {
  it.each([
    '号称真皮，拆开一看是人造革',
    '宣传的十二小时续航，实际三个小时就没电了',
    '拍的256G，到手是128G的',
    '标着纯羊毛，摸着跟腈纶一样',
    'I ordered the blue edition and received the old model',
  ])('%s → description', (t) => {
    expect(has(t)).toContain('description');
  });
  it.each([
    '说是藏青色，到手是宝蓝',
    '他说是今年收到最好的礼物',
    '说是四十码，其实只有三十八',
  ])('%s → no description', (t) => {
    expect(has(t)).not.toContain('description');
  });
});

describe('ruleCauses: service, colour, logistics and price concepts (round 4)', () => {
  it.each<[string, string]>([
    ['售后和厂家推来推去，谁都不管', 'service'],
    ['客服说拆了就不能退，七天无理由是摆设吗', 'service'],
    ['少了配件，客服让我自己去买', 'service'],
    ['说是香槟金，到手是土黄色', 'color'],
    ['白色发黄，像放了很多年', 'color'],
    ['窗帘跟页面的颜色有点差别', 'color'],
    ['The "navy" is actually bright blue', 'color'],
    ['Looks nothing like the photos', 'color'],
    ['说好次日达，第三天才到', 'logistics'],
    ['快递在中转站躺了四天', 'logistics'],
    ['发货稍慢，等了三天才发', 'logistics'],
    ['送货上门还要另收搬运费', 'price'],
    ['刚买完直播间便宜了三十', 'price'],
  ])('%s → %s', (t, cause) => {
    expect(has(t)).toContain(cause);
  });
  it.each<[string, string]>([
    ['颜色跟图片一样，没有色差', 'color'],
    ['绿萝发黄的叶子用了以后冒新芽了', 'color'],
    ['客服耐心，七天无理由很快就退了', 'service'],
  ])('%s → not %s', (t, cause) => {
    expect(has(t)).not.toContain(cause);
  });
});

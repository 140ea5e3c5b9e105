import { describe, expect, it } from 'vitest';
import { normalizeCompanyName } from './names';

const MUST_COLLIDE: ReadonlyArray<readonly [string, string]> = [
  ['深圳市腾讯计算机系统有限公司', '腾讯计算机系统有限公司'],
  ['腾讯计算机系统（深圳）有限公司', '腾讯计算机系统有限公司'],
  ['深圳市腾讯计算机系统有限公司', '腾讯计算机系统(深圳)有限公司'],
  ['华为技术有限公司', '华为技术股份有限公司'],
  ['华为技术有限公司', '华为技术有限责任公司'],
  ['深圳市大疆创新科技有限公司', '广东省深圳市大疆创新科技有限公司'],
  ['深圳迈瑞生物医疗电子股份有限公司', '迈瑞生物医疗电子有限公司'],
  ['比亚迪股份有限公司', '深圳比亚迪股份有限公司'],
  ['中国平安保险（集团）股份有限公司', '中国平安保险股份有限公司'],
  ['美的集团股份有限公司', '美的集团有限公司'],
  ['贵州茅台酒股份有限公司', '茅台酒股份有限公司'],
  ['ＡＢＣ科技有限公司', 'abc科技有限公司'],
  ['大疆 创新 科技有限公司', '深圳市大疆创新科技有限公司'],
  ['小米科技【武汉】有限公司', '小米科技有限责任公司'],
  ['招商银行股份有限公司深圳分行', '招商银行深圳分行'],
  ['腾讯科技（深圳）有限公司北京分公司', '腾讯科技有限公司北京分公司'],
  ['贵州省贵阳市朗玛信息技术股份有限公司', '贵阳朗玛信息技术有限公司'],
  ['黔南布依族苗族自治州瓮福化工有限公司', '黔南州瓮福化工有限公司'],
  ['东莞市华贝电子科技有限公司', '华贝电子科技有限公司'],
  ['深圳市南山区华强电子有限公司', '华强电子有限公司'],
  ['中国石油化工集团公司', '中国石油化工集团有限公司'],
  ['戴尔（中国）有限公司', '戴尔有限公司'],
  ['深圳市XX投资合伙企业（有限合伙）', 'XX投资合伙企业'],
  ['Huawei Technologies Co., Ltd.', 'HUAWEI TECHNOLOGIES'],
  ['华为·技术有限公司', '华为技术有限公司'],
  ['\u200B华为技术有限公司\u3000', '华为技术有限公司'],
];

const MUST_NOT_COLLIDE: ReadonlyArray<readonly [string, string]> = [
  ['华为技术有限公司', '华为终端有限公司'],
  ['腾讯科技（深圳）有限公司', '腾讯计算机系统有限公司'],
  ['美的集团有限公司', '美的有限公司'], // 集团 is kept
  ['深圳航空有限责任公司', '广州航空有限公司'], // place kept when too little would remain
  ['中国银行股份有限公司', '广州银行股份有限公司'],
  ['贵州轮胎股份有限公司', '广州轮胎有限公司'],
  ['招商银行深圳分行', '招商银行广州分行'],
  ['招商银行股份有限公司', '招商银行股份有限公司深圳分行'],
  ['比亚迪股份有限公司', '比亚迪汽车有限公司'],
  ['中兴通讯股份有限公司', '中兴通信有限公司'],
  ['深圳市大疆创新科技有限公司', '深圳市大疆创意科技有限公司'],
  ['A公司', 'B公司'],
  ['字节跳动（TikTok技术研究院）有限公司', '字节跳动有限公司'], // long bracket content is kept
  ['华为技术深圳分公司', '华为技术有限公司'],
  ['Zinc Ltd', 'Z'],
  ['贵州茅台酒股份有限公司', '贵州茅台集团有限公司'],
  ['中国移动通信集团广东有限公司', '中国移动通信集团贵州有限公司'],
];

describe('normalizeCompanyName: pairs that are the same company', () => {
  it.each(MUST_COLLIDE)('%s ≡ %s', (a, b) => {
    expect(normalizeCompanyName(a)).toBe(normalizeCompanyName(b));
  });
});

describe('normalizeCompanyName: pairs that are different companies', () => {
  it.each(MUST_NOT_COLLIDE)('%s ≠ %s', (a, b) => {
    expect(normalizeCompanyName(a)).not.toBe(normalizeCompanyName(b));
  });
});

describe('normalizeCompanyName: exact keys', () => {
  it.each([
    ['深圳市腾讯计算机系统有限公司', '腾讯计算机系统'],
    ['招商银行股份有限公司深圳分行', '招商银行深圳分行'],
    ['中国银行股份有限公司', '中国银行'],
    ['深圳航空有限责任公司', '深圳航空'],
    ['贵州轮胎股份有限公司', '贵州轮胎'], // 贵州 is a prefix, 贵 alone is not
    ['惠州市德赛电池有限公司', '德赛电池'],
    ['广州市广汽集团有限公司', '广汽集团'],
    ['Huawei Technologies Co., Ltd.', 'huaweitechnologies'],
  ])('%s → %s', (name, key) => {
    expect(normalizeCompanyName(name)).toBe(key);
  });
});

describe('normalizeCompanyName: never empty for a non-empty name', () => {
  it.each(['有限公司', '公司', '（深圳）', '深圳市', '中国', '贵州省', '()', '【】', '...', 'Inc.', 'A', '华为技术（深圳有限公司', '（（（深圳）））'])(
    '%j keeps something',
    (name) => {
      expect(normalizeCompanyName(name)).not.toBe('');
    },
  );

  it('blank stays blank', () => {
    expect(normalizeCompanyName('')).toBe('');
    expect(normalizeCompanyName(' \u3000 ')).toBe('');
  });

  it('copes with hostile and huge input quickly', () => {
    const started = performance.now();
    normalizeCompanyName('('.repeat(50_000) + '深圳' + ')'.repeat(50_000));
    normalizeCompanyName('公司'.repeat(50_000) + '分行');
    normalizeCompanyName(`x${' ,'.repeat(50_000)}y`);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(normalizeCompanyName("'; DROP TABLE company; --有限公司")).toBe('droptablecompany');
  });
});

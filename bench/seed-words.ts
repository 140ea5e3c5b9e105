/**
 * Vocabulary for the seed: plausible, not real. Brand words (字号) are built from two
 * pools of characters common in Shenzhen company names; each carries its pinyin so the
 * seed can make e-mail domains without running pinyin over a million rows.
 */
type Syllable = readonly [char: string, pinyin: string];

export const BRAND_FIRST: readonly Syllable[] = [
  ['华', 'hua'], ['中', 'zhong'], ['新', 'xin'], ['创', 'chuang'], ['泰', 'tai'], ['恒', 'heng'], ['信', 'xin'],
  ['宏', 'hong'], ['海', 'hai'], ['天', 'tian'], ['星', 'xing'], ['瑞', 'rui'], ['金', 'jin'], ['安', 'an'],
  ['博', 'bo'], ['思', 'si'], ['智', 'zhi'], ['汇', 'hui'], ['联', 'lian'], ['德', 'de'], ['优', 'you'],
  ['凯', 'kai'], ['嘉', 'jia'], ['兴', 'xing'], ['鼎', 'ding'], ['正', 'zheng'], ['长', 'chang'], ['永', 'yong'],
  ['迅', 'xun'], ['腾', 'teng'], ['科', 'ke'], ['拓', 'tuo'], ['明', 'ming'], ['光', 'guang'], ['盛', 'sheng'],
  ['佳', 'jia'], ['万', 'wan'], ['欣', 'xin'], ['立', 'li'], ['美', 'mei'], ['易', 'yi'], ['鹏', 'peng'],
];

export const BRAND_SECOND: readonly Syllable[] = [
  ['达', 'da'], ['创', 'chuang'], ['盛', 'sheng'], ['通', 'tong'], ['讯', 'xun'], ['维', 'wei'], ['联', 'lian'],
  ['锐', 'rui'], ['晟', 'sheng'], ['辉', 'hui'], ['源', 'yuan'], ['为', 'wei'], ['邦', 'bang'], ['普', 'pu'],
  ['康', 'kang'], ['捷', 'jie'], ['诺', 'nuo'], ['威', 'wei'], ['迪', 'di'], ['朗', 'lang'], ['越', 'yue'],
  ['泰', 'tai'], ['鑫', 'xin'], ['丰', 'feng'], ['图', 'tu'], ['芯', 'xin'], ['科', 'ke'], ['华', 'hua'],
  ['力', 'li'], ['航', 'hang'], ['弘', 'hong'], ['和', 'he'], ['宇', 'yu'], ['峰', 'feng'], ['瀚', 'han'],
  ['驰', 'chi'], ['耀', 'yao'], ['川', 'chuan'], ['旺', 'wang'], ['翔', 'xiang'],
];

/** Industry words that go into names, by sector label of KEY_INDUSTRIES_2018 (the label is what company.industry stores). */
export const INDUSTRY_WORDS: Readonly<Record<string, readonly string[]>> = {
  基础能源: ['能源', '矿业', '燃气', '煤业', '能源投资'],
  清洁高效电力: ['电力', '光伏', '储能', '电气', '新能源'],
  优质烟酒: ['酒业', '酒类贸易', '酿酒', '包装印刷'],
  新型建材: ['建材', '新材料', '装饰材料', '玻璃', '建筑科技'],
  现代化工: ['化工', '精细化工', '化学', '涂料', '磷化工'],
  先进装备制造: ['智能装备', '精密机械', '自动化', '机器人', '汽车零部件', '电机'],
  基础材料: ['铝业', '金属材料', '合金', '锰业', '钛业'],
  生态特色食品: ['食品', '农业', '茶业', '生物科技', '供应链', '餐饮管理'],
  大数据电子信息: ['电子', '信息技术', '数据', '软件', '智能', '通信', '半导体', '网络科技', '云计算', '光电'],
  健康医药: ['医药', '医疗器械', '生物医药', '健康产业', '药业', '基因科技'],
};

/** How often each sector turns up among companies a Shenzhen team courts. */
export const INDUSTRY_WEIGHTS: Readonly<Record<string, number>> = {
  基础能源: 3, 清洁高效电力: 8, 优质烟酒: 4, 新型建材: 6, 现代化工: 5, 先进装备制造: 18, 基础材料: 4,
  生态特色食品: 10, 大数据电子信息: 30, 健康医药: 12,
};

export const LEGAL_FORMS: readonly (readonly [string, number])[] = [
  ['有限公司', 60],
  ['科技有限公司', 25],
  ['股份有限公司', 10],
  ['集团有限公司', 5],
];

/** Shenzhen districts by weight (most courted companies sit in Nanshan, Futian, Bao'an, Longgang). */
export const SHENZHEN_DISTRICT_WEIGHTS: readonly (readonly [string, number])[] = [
  ['南山区', 28], ['福田区', 16], ['宝安区', 16], ['龙岗区', 14], ['龙华区', 10], ['罗湖区', 6], ['光明区', 4],
  ['坪山区', 3], ['盐田区', 1], ['大鹏新区', 1], ['深汕特别合作区', 1],
];

/** Other Guangdong cities the team covers, with their division codes for credit codes. */
export const OTHER_CITIES: readonly (readonly [name: string, code: string, weight: number])[] = [
  ['东莞市', '441900', 8], ['广州市', '440100', 6], ['佛山市', '440600', 4], ['惠州市', '441300', 3],
  ['珠海市', '440400', 2], ['中山市', '442000', 2], ['江门市', '440700', 1], ['肇庆市', '441200', 1],
];

export const SHENZHEN_DISTRICT_CODES: Readonly<Record<string, string>> = {
  罗湖区: '440303', 福田区: '440304', 南山区: '440305', 宝安区: '440306', 龙岗区: '440307', 盐田区: '440308',
  龙华区: '440309', 坪山区: '440310', 光明区: '440311', 大鹏新区: '440300', 深汕特别合作区: '440300',
};

export const ROADS = [
  '深南大道', '滨海大道', '科苑路', '高新南一道', '福华三路', '益田路', '宝安大道', '新湖路', '龙岗大道', '民治大道',
  '梅观路', '布吉路', '光明大道', '创业路', '工业大道', '桃源路', '留仙大道', '沙河西路', '东门中路', '坪山大道',
];
export const BUILDINGS = ['科技园', '创业大厦', '国际商务中心', '金融中心', '产业园', '智谷', '科学园', '中心大厦', '工业园', '总部基地'];

export const SURNAMES: readonly (readonly [char: string, pinyin: string, weight: number])[] = [
  ['王', 'wang', 72], ['李', 'li', 71], ['张', 'zhang', 69], ['刘', 'liu', 54], ['陈', 'chen', 46], ['杨', 'yang', 35],
  ['黄', 'huang', 24], ['赵', 'zhao', 20], ['吴', 'wu', 19], ['周', 'zhou', 19], ['徐', 'xu', 15], ['孙', 'sun', 14],
  ['马', 'ma', 12], ['朱', 'zhu', 12], ['胡', 'hu', 11], ['郭', 'guo', 11], ['何', 'he', 10], ['林', 'lin', 10],
  ['罗', 'luo', 9], ['高', 'gao', 9], ['郑', 'zheng', 9], ['梁', 'liang', 8], ['谢', 'xie', 7], ['宋', 'song', 6],
  ['唐', 'tang', 6], ['许', 'xu', 6], ['韩', 'han', 6], ['冯', 'feng', 5], ['邓', 'deng', 5], ['曹', 'cao', 5],
  ['彭', 'peng', 5], ['曾', 'zeng', 5], ['肖', 'xiao', 4], ['田', 'tian', 4], ['董', 'dong', 4], ['潘', 'pan', 4],
  ['袁', 'yuan', 4], ['蔡', 'cai', 4], ['蒋', 'jiang', 4], ['余', 'yu', 4], ['叶', 'ye', 4], ['杜', 'du', 3],
  ['苏', 'su', 3], ['魏', 'wei', 3], ['程', 'cheng', 3], ['吕', 'lv', 3], ['丁', 'ding', 3], ['沈', 'shen', 3],
  ['任', 'ren', 3], ['姚', 'yao', 3], ['卢', 'lu', 3], ['钟', 'zhong', 3], ['姜', 'jiang', 3], ['崔', 'cui', 2],
  ['谭', 'tan', 2], ['陆', 'lu', 2], ['范', 'fan', 2], ['汪', 'wang', 2], ['廖', 'liao', 2], ['石', 'shi', 2],
  ['欧阳', 'ouyang', 1], ['司马', 'sima', 0.2],
];

export const GIVEN_CHARS = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平',
  '刚', '桂', '英', '华', '建', '国', '文', '辉', '鹏', '宇', '浩', '晨', '欣', '怡', '婷', '雪', '琳', '峰', '斌', '波',
  '志', '红', '海', '燕', '玲', '俊', '凯', '佳', '子', '涵', '梓', '睿', '博', '航', '思', '雨', '嘉', '昊', '天', '飞',
];

export const TITLES: readonly (readonly [string, number])[] = [
  ['董事长', 10], ['总经理', 14], ['副总经理', 14], ['投资总监', 10], ['战略发展部总监', 6], ['董事会秘书', 5],
  ['财务总监', 5], ['行政总监', 3], ['总裁', 4], ['副总裁', 5], ['市场部经理', 6], ['项目经理', 8], ['运营总监', 4],
  ['政府事务经理', 5], ['投资发展部经理', 6],
];

export const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156',
  '157', '158', '159', '166', '173', '177', '180', '181', '183', '185', '186', '187', '188', '189', '191', '198', '199'];
export const MAIL_DOMAINS = ['qq.com', '163.com', '126.com', 'foxmail.com'];

export const TAGS = ['重点企业', '专精特新', '高新技术企业', '链主企业', '上市后备', '500强关联', '贵州籍企业家', '外资企业'];
export const LEAD_SOURCES = ['驻点走访', '商协会推荐', '以商招商', '展会对接', '网络检索', '省市转交', '老乡推荐', '园区推荐'];

/** Guizhou counties and districts by prefecture, for project landing places. */
export const GUIZHOU_COUNTIES: Readonly<Record<string, readonly string[]>> = {
  贵阳市: ['观山湖区', '白云区', '花溪区', '修文县', '清镇市'],
  六盘水市: ['钟山区', '盘州市', '水城区'],
  遵义市: ['汇川区', '红花岗区', '仁怀市', '播州区', '湄潭县'],
  安顺市: ['西秀区', '平坝区', '普定县'],
  毕节市: ['七星关区', '大方县', '金沙县', '威宁县'],
  铜仁市: ['碧江区', '万山区', '松桃县'],
  黔西南布依族苗族自治州: ['兴义市', '兴仁市', '安龙县'],
  黔东南苗族侗族自治州: ['凯里市', '黄平县', '三穗县'],
  黔南布依族苗族自治州: ['都匀市', '福泉市', '龙里县', '惠水县'],
  贵安新区: ['贵安新区'],
};
export const PARK_SUFFIXES = ['经济开发区', '高新技术产业开发区', '工业园区', '产业园'];

/** Products by sector for project names: 年产… / …生产基地. */
export const PRODUCTS: Readonly<Record<string, readonly string[]>> = {
  基础能源: ['煤层气综合利用', '智慧矿山', '氢能'],
  清洁高效电力: ['光伏电站', '储能电站', '风电'],
  优质烟酒: ['酱香白酒', '酒瓶包装', '酒类物流'],
  新型建材: ['装配式建筑构件', '节能玻璃', '新型墙材'],
  现代化工: ['磷酸铁锂', '精细磷化工', '电子化学品'],
  先进装备制造: ['智能装备', '新能源汽车零部件', '工业机器人'],
  基础材料: ['电解铝精深加工', '电解锰', '铝合金型材'],
  生态特色食品: ['辣椒精深加工', '茶叶精制', '预制菜'],
  大数据电子信息: ['数据中心', '算力中心', '电子元器件', '智能终端'],
  健康医药: ['中药饮片', '医疗器械', '生物制药'],
};

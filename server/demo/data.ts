// A believable county for the demo: names, delegations and projects as a county clerk would see them.
export const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
export const givenNames = '建国 秀英 桂英 志强 海燕 丽华 晓明 国华 春梅 建华 永刚 玉兰 振华 红梅 德明 淑珍 文杰 俊峰 美玲 立新 卫东 晓燕 宏伟 雪梅 明辉 志红 凤英 学军 秀兰 海涛 丽娟 国庆 金凤 子涵 思远 雨桐 浩然 欣怡 嘉怡 梓轩 一鸣 婷婷 志刚 小龙 红霞 建军 翠花 长青 保国 爱民'.split(' ');
export const delegations = ['城关镇代表团', '河西镇代表团', '东湖镇代表团', '青山乡代表团', '柳林镇代表团', '石桥乡代表团', '新华街道代表团', '白沙镇代表团', '桃源乡代表团', '驻县单位代表团'];

export const candidateProjects = [
  { title: '城区新增公办幼儿园学位 600 个', category: '教育', department: '县教育局', investment: 4200, targets: ['新建幼儿园 2 所', '新增学位 600 个'] },
  { title: '乡镇卫生院远程会诊中心建设', category: '医疗卫生', department: '县卫生健康局', investment: 860, targets: ['覆盖全部 12 个乡镇卫生院'] },
  { title: '社区居家养老服务中心提质扩面', category: '养老服务', department: '县民政局', investment: 1350, targets: ['新增养老床位 200 张', '新建助餐点 15 个'] },
  { title: '老旧小区改造（二期）', category: '城乡建设', department: '县住房和城乡建设局', investment: 6800, targets: ['改造小区 24 个', '惠及居民 3100 户'] },
  { title: '农村公路安全生命防护工程', category: '交通出行', department: '县交通运输局', investment: 2100, targets: ['完善防护设施 180 公里'] },
  { title: '城区公共停车泊位建设', category: '交通出行', department: '县城市管理局', investment: 1600, targets: ['新增停车泊位 1500 个'] },
  { title: '农村生活污水治理', category: '生态环境', department: '县生态环境分局', investment: 3900, targets: ['新增治理行政村 30 个'] },
  { title: '全民健身场地设施补短板', category: '文化体育', department: '县文化和旅游体育局', investment: 780, targets: ['新建社区健身广场 20 处'] },
  { title: '零工市场和就业驿站建设', category: '就业创业', department: '县人力资源和社会保障局', investment: 320, targets: ['建成零工市场 1 个、就业驿站 8 个'] },
  { title: '农贸市场标准化改造', category: '食品安全', department: '县市场监督管理局', investment: 1150, targets: ['改造农贸市场 6 个'] },
  { title: '城乡供水一体化提升', category: '农业农村', department: '县水利局', investment: 5200, targets: ['惠及农村人口 4.2 万人'] },
  { title: '校园及周边安全智能监控全覆盖', category: '公共安全', department: '县公安局', investment: 640, targets: ['覆盖中小学 58 所'] },
];

/** The demo year's (2026) ten selected projects, now being carried out and supervised (demo/implementation.ts). */
export const lastYearProjects = [
  { title: '城区学校食堂明厨亮灶', category: '食品安全', department: '县市场监督管理局', investment: 210 },
  { title: '县人民医院胸痛中心建设', category: '医疗卫生', department: '县卫生健康局', investment: 980 },
  { title: '背街小巷路灯亮化', category: '城乡建设', department: '县城市管理局', investment: 430 },
  { title: '城乡公交一体化（新能源公交）', category: '交通出行', department: '县交通运输局', investment: 2600 },
  { title: '中小学课后延时服务全覆盖', category: '教育', department: '县教育局', investment: 380 },
  { title: '农村饮水安全巩固提升', category: '农业农村', department: '县水利局', investment: 1850 },
  { title: '社区嵌入式托育服务点建设', category: '医疗卫生', department: '县卫生健康局', investment: 520 },
  { title: '老年助餐服务点扩面', category: '养老服务', department: '县民政局', investment: 460 },
  { title: '农村低收入群体危房改造', category: '城乡建设', department: '县住房和城乡建设局', investment: 900 },
  { title: '城区排水防涝设施改造', category: '城乡建设', department: '县住房和城乡建设局', investment: 3200 },
];

/** Demo sign-in codes are predictable on purpose: the demo is for trying the tablet, not for a real vote. */
export const demoCode = (i: number) => `DM${String(i + 1).padStart(6, '0')}`;

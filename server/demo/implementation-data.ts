// The demo year's implementation as a county would have it by December: each project's plan, its reports
// (percent, milestone reached, what was done) and what its supervision group found on its visits.
// Project order is lastYearProjects' (demo/data.ts). One is done late, one behind (new buses due in October), two with overdue
// reports, one rated 不满意 at mid-year and under rectification.

export interface DemoImplementation {
  milestones: [string, string][];
  completionDate: string;
  funding: string;
  reports: { date: string; percent: number; milestone?: string; note: string; photo?: boolean }[];
  inspections: { date: string; findings: string; photo?: boolean }[];
  rectification?: { date: string; note: string };
  /** mid-year rating votes [满意, 基本满意, 不满意] of the 30 committee members */
  midyear: [number, number, number];
}

export const demoImplementations: DemoImplementation[] = [
  { // 明厨亮灶: done
    milestones: [['完成设备招标', '2026-04-30'], ['首批 30 所学校接入', '2026-06-30'], ['全部学校接入', '2026-09-30']], completionDate: '2026-09-30', funding: '县级财政 210 万元',
    reports: [
      { date: '2026-03-28', percent: 20, note: '完成 58 所学校食堂现场勘查和设备招标文件编制。' },
      { date: '2026-04-25', percent: 35, milestone: '完成设备招标', note: '设备招标完成，中标单位进场安装。' },
      { date: '2026-06-26', percent: 65, milestone: '首批 30 所学校接入', note: '首批 30 所学校视频监控接入县智慧监管平台。', photo: true },
      { date: '2026-09-20', percent: 100, milestone: '全部学校接入', note: '58 所学校食堂全部实现"明厨亮灶"，家长可通过手机查看后厨。' },
    ],
    inspections: [{ date: '2026-06-10', findings: '抽查 5 所学校，后厨摄像头覆盖操作间和储藏间，画面清晰；建议开放家长端查看。' }],
    midyear: [24, 5, 1],
  },
  { // 胸痛中心: in progress
    milestones: [['导管室改造完工', '2026-05-31'], ['设备安装调试', '2026-09-30'], ['通过国家胸痛中心认证', '2026-12-31']], completionDate: '2026-12-31', funding: '县级财政 600 万元，上级补助 380 万元',
    reports: [
      { date: '2026-03-30', percent: 25, note: '导管室改造开工，急诊绿色通道流程完成梳理。' },
      { date: '2026-05-28', percent: 45, milestone: '导管室改造完工', note: '导管室改造完工，通过消防和辐射安全验收。', photo: true },
      { date: '2026-09-25', percent: 70, milestone: '设备安装调试', note: 'DSA 设备安装调试完成，开展首例急诊介入手术。' },
      { date: '2026-11-20', percent: 85, note: '已提交国家胸痛中心认证材料，正在迎接现场核查。', photo: true },
    ],
    inspections: [
      { date: '2026-06-18', findings: '导管室已投入使用，急诊到球囊扩张时间缩短到 80 分钟以内；建议加强乡镇卫生院转诊培训。', photo: true },
      { date: '2026-11-05', findings: '认证材料齐全；院前心电图传输已覆盖 12 个乡镇卫生院。' },
    ],
    midyear: [20, 8, 2],
  },
  { // 路灯: done
    milestones: [['完成 40 条巷道', '2026-06-30'], ['全部 86 条巷道亮灯', '2026-10-31']], completionDate: '2026-10-31', funding: '县级财政 430 万元',
    reports: [
      { date: '2026-04-10', percent: 30, note: '完成城关镇 26 条背街小巷线路铺设。' },
      { date: '2026-06-28', percent: 55, milestone: '完成 40 条巷道', note: '40 条巷道路灯通电亮灯。' },
      { date: '2026-10-15', percent: 100, milestone: '全部 86 条巷道亮灯', note: '86 条背街小巷 1240 盏路灯全部亮灯，接入智慧路灯平台。', photo: true },
    ],
    inspections: [{ date: '2026-10-28', findings: '夜间走访 6 条巷道，照明良好，群众反映夜间出行安全多了。' }],
    midyear: [22, 6, 2],
  },
  { // 公交: behind (new buses due 31 October not in service)
    milestones: [['线路规划公示', '2026-04-30'], ['新能源公交车投运', '2026-10-31'], ['城乡线路全部开通', '2026-12-31']], completionDate: '2026-12-31', funding: '县级财政 1600 万元，交通专项资金 1000 万元',
    reports: [
      { date: '2026-04-20', percent: 20, milestone: '线路规划公示', note: '12 条城乡公交线路规划完成公示，收集群众意见 236 条。' },
      { date: '2026-07-30', percent: 40, note: '新能源公交车采购合同签订，充电站选址完成。' },
      { date: '2026-11-10', percent: 55, note: '充电站建设受供电线路改造影响延后，首批 30 辆车预计 12 月底交付。' },
    ],
    inspections: [{ date: '2026-11-18', findings: '充电站土建完成但未通电，车辆未到位，进度滞后于计划；要求交通局与供电公司协调，制定倒排工期表。' }],
    midyear: [12, 14, 4],
  },
  { // 课后服务: 不满意 at mid-year, rectifying
    milestones: [['春季学期全覆盖', '2026-03-31'], ['秋季学期服务提质', '2026-09-30']], completionDate: '2026-12-31', funding: '县级财政 380 万元',
    reports: [
      { date: '2026-03-25', percent: 40, milestone: '春季学期全覆盖', note: '全县 58 所中小学开展课后延时服务。' },
      { date: '2026-06-20', percent: 60, note: '参与学生 2.1 万人；部分学校服务内容以作业看管为主。' },
      { date: '2026-09-28', percent: 80, milestone: '秋季学期服务提质', note: '引入体育、艺术、科技类课程 126 门，乡村学校开设率 100%。' },
      { date: '2026-11-25', percent: 90, note: '开展家长满意度调查，满意率 93%。' },
    ],
    inspections: [
      { date: '2026-06-12', findings: '走访 4 所乡村学校，课后服务多为看管作业，缺少兴趣课程，收费标准不统一，家长意见较大。' },
      { date: '2026-10-22', findings: '整改后每校开设兴趣课程不少于 3 门，收费标准已统一公示。' },
    ],
    rectification: { date: '2026-08-20', note: '针对年中测评意见：统一收费标准并公示；为乡村学校配备兴趣课程教师 64 名；建立家长评价机制。' },
    midyear: [6, 8, 16],
  },
  { // 饮水: report overdue (last at the end of June)
    milestones: [['水源工程完工', '2026-12-10'], ['管网延伸到户', '2026-12-20']], completionDate: '2026-12-31', funding: '县级财政 850 万元，水利专项资金 1000 万元',
    reports: [
      { date: '2026-03-31', percent: 25, note: '水源工程开工，完成 14 个行政村管网设计。' },
      { date: '2026-06-28', percent: 50, note: '水源工程主体完成 70%，管网铺设 38 公里。' },
    ],
    inspections: [{ date: '2026-05-20', findings: '施工现场管理规范；建议施工后及时恢复破损路面。' }],
    midyear: [15, 12, 3],
  },
  { // 托育: done
    milestones: [['选址和改造', '2026-05-31'], ['托育点开园', '2026-09-01']], completionDate: '2026-09-30', funding: '县级财政 320 万元，上级补助 200 万元',
    reports: [
      { date: '2026-05-25', percent: 50, milestone: '选址和改造', note: '6 个社区托育点完成装修改造和消防验收。' },
      { date: '2026-09-01', percent: 100, milestone: '托育点开园', note: '6 个托育点开园，提供托位 300 个，收费低于市场价 30%。', photo: true },
    ],
    inspections: [{ date: '2026-09-15', findings: '托育点环境安全，保育人员持证上岗；建议延长接送时间。' }],
    midyear: [21, 7, 2],
  },
  { // 助餐: in progress
    milestones: [['新建助餐点 10 个', '2026-06-30'], ['新建助餐点 20 个', '2026-12-15']], completionDate: '2026-12-31', funding: '县级财政 460 万元',
    reports: [
      { date: '2026-03-20', percent: 20, note: '完成助餐点布局规划和运营主体招募。' },
      { date: '2026-06-25', percent: 50, milestone: '新建助餐点 10 个', note: '10 个助餐点运营，日均服务老人 800 人次。' },
      { date: '2026-09-22', percent: 75, note: '新增 6 个助餐点，推出 80 岁以上老人助餐补贴。' },
      { date: '2026-11-28', percent: 90, note: '第 19 个助餐点试运营，年底前全部 20 个开放。' },
    ],
    inspections: [{ date: '2026-10-16', findings: '助餐点饭菜可口，价格实惠；建议为行动不便老人提供送餐上门。' }],
    midyear: [19, 9, 2],
  },
  { // 危房: report overdue (last in mid-August)
    milestones: [['完成鉴定', '2026-04-30'], ['改造 150 户', '2026-12-20']], completionDate: '2026-12-31', funding: '县级财政 500 万元，中央补助 400 万元',
    reports: [
      { date: '2026-04-28', percent: 20, milestone: '完成鉴定', note: '完成 168 户农房安全鉴定，其中 C、D 级危房 152 户。' },
      { date: '2026-08-15', percent: 60, note: '开工 120 户，竣工 72 户。' },
    ],
    inspections: [],
    midyear: [16, 11, 3],
  },
  { // 排水: done
    milestones: [['汛前完成易涝点改造', '2026-05-31'], ['雨污分流管网完工', '2026-10-31']], completionDate: '2026-10-31', funding: '县级财政 1200 万元，专项债券 2000 万元',
    reports: [
      { date: '2026-05-28', percent: 50, milestone: '汛前完成易涝点改造', note: '11 处易涝点改造完成，汛期未发生严重内涝。' },
      { date: '2026-10-30', percent: 100, milestone: '雨污分流管网完工', note: '新建雨污分流管网 18 公里，全部通过验收。' },
    ],
    inspections: [{ date: '2026-07-22', findings: '暴雨后实地查看，原易涝点未积水，效果明显。' }],
    midyear: [23, 6, 1],
  },
];

/** Carried over from 2025 (跨年督办): unfinished last December, followed in 2026 by the same group. */
export const carriedProject = {
  title: '县城集中供热管网改造', category: '城乡建设', department: '县住房和城乡建设局', investment: 2400,
  milestones: [['主管网改造', '2025-10-15'], ['换热站改造', '2026-10-15']] as [string, string][], completionDate: '2026-12-31', funding: '县级财政 1400 万元，专项债券 1000 万元',
  reports: [
    { date: '2025-06-30', percent: 30, note: '主管网改造开工。' },
    { date: '2025-10-10', percent: 60, milestone: '主管网改造', note: '主管网 12 公里改造完成，按期供暖。' },
    { date: '2025-12-20', percent: 70, note: '受冬季施工限制，剩余 8 座换热站改造转入 2026 年实施。' },
    { date: '2026-06-15', percent: 85, note: '换热站改造复工，完成 5 座。' },
    { date: '2026-10-12', percent: 95, milestone: '换热站改造', note: '8 座换热站改造完成，正在进行供暖前试压。' },
  ],
  inspections: [{ date: '2026-09-08', findings: '换热站设备安装规范；提醒做好老旧小区入户阀门检查。' }],
};

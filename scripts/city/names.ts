// Names for the generated city: its counties and townships, projects a level of government would carry,
// and suggestions as residents word them.
import { candidateProjects, lastYearProjects } from '../../server/demo/data.js';

export const cityPlace = '江川市';
export const cityName = '江川市人民代表大会常务委员会';

// 40 county stems and 40 township stems: enough for a 重庆-sized city without numbered names.
const countyStems = ['清河', '东阳', '西峰', '南溪', '北塘', '云山', '长乐', '安平', '永宁', '临江', '石门', '白水', '青田', '丰泽', '兴化',
  '江北', '沙坪', '九龙', '大渡', '巴南', '双桥', '綦江', '万盛', '涪陵', '长寿', '合川', '永川', '璧山', '铜梁', '潼南',
  '荣昌', '开平', '梁平', '武隆', '城口', '丰都', '垫江', '忠源', '奉节', '巫溪'];
const townStems = ['城关', '河西', '东湖', '青山', '柳林', '石桥', '新华', '白沙', '桃源', '龙泉', '金鸡', '马坊', '杨庄', '高桥', '双河', '古城', '花园', '三合', '红星', '太平',
  '龙凤', '黄桷', '石龙', '清溪', '永兴', '兴隆', '复兴', '安居', '大石', '铁山', '白果', '凤凰', '长坝', '金山', '双凤', '仁和', '土主', '元山', '新场', '玉溪'];

export const countyName = (i: number, districts = 0) => `${countyStems[i % countyStems.length]}${i >= countyStems.length ? i : ''}${i < districts ? '区' : '县'}`;
/** townships of different counties share stems: the county's name is prefixed where it matters; a district has 街道 too */
export const townshipName = (i: number, j: number, district = false) =>
  `${townStems[(i * 3 + j) % townStems.length]}${j >= townStems.length ? j : ''}${district && j % 4 === 0 ? '街道' : j % 3 === 2 ? '乡' : '镇'}`;
export const bodyName = (place: string) => `${place}人民代表大会${/[县区市]$/.test(place) ? '常务委员会' : '主席团'}`;

/** Departments by level: 县教育局 → 市教育局 / 镇人民政府 */
export function departmentAt(level: 'city' | 'county' | 'township', department: string, place: string): string {
  if (level === 'township') return `${place}人民政府`;
  return level === 'city' ? department.replace(/^县/, '市') : department;
}

export interface ProjectTemplate { title: string; category: string; department: string; investment: number }

const extra: ProjectTemplate[] = [
  { title: '农村客运站亭改造', category: '交通出行', department: '县交通运输局', investment: 260 },
  { title: '社区卫生服务站标准化建设', category: '医疗卫生', department: '县卫生健康局', investment: 540 },
  { title: '老年人居家适老化改造', category: '养老服务', department: '县民政局', investment: 300 },
  { title: '城区公厕提档升级', category: '城乡建设', department: '县城市管理局', investment: 420 },
  { title: '河道生态治理', category: '生态环境', department: '县水利局', investment: 1800 },
  { title: '农家书屋和文化广场提升', category: '文化体育', department: '县文化和旅游体育局', investment: 210 },
  { title: '困难群众医疗救助扩面', category: '社会保障', department: '县医疗保障局', investment: 650 },
  { title: '高素质农民培训', category: '就业创业', department: '县农业农村局', investment: 120 },
];

export const projectTemplates: ProjectTemplate[] = [...candidateProjects.map(({ targets: _t, ...p }) => p), ...lastYearProjects, ...extra];

/** Suggestions as residents put them: {p} is a place. */
export const asks: [category: string, text: string][] = [
  ['教育', '{p}缺少公办幼儿园，孩子入园难'], ['教育', '建议{p}小学开展课后延时服务'], ['医疗卫生', '{p}卫生院看不了大病，希望远程会诊'],
  ['医疗卫生', '建议{p}卫生院开设夜间门诊'], ['养老服务', '{p}老人吃饭难，希望办老年助餐点'], ['养老服务', '建议在{p}建设老年日间照料中心'],
  ['城乡建设', '{p}老旧小区管网破旧，申请改造'], ['城乡建设', '{p}背街小巷路灯不亮'], ['交通出行', '{p}停车难，车都停在人行道上'],
  ['交通出行', '{p}增开早晚高峰公交班次'], ['交通出行', '{p}乡村公路急弯没有护栏'], ['生态环境', '{p}村里污水横流，没有处理设施'],
  ['生态环境', '{p}河道垃圾多，需要清淤整治'], ['文化体育', '{p}没有健身场地，老人只能在路边锻炼'], ['就业创业', '{p}打零工的人没地方找活'],
  ['食品安全', '{p}菜市场又脏又乱，下雨满地泥'], ['农业农村', '{p}自来水经常停水、水压低'], ['公共安全', '{p}学校门口没有监控，孩子上下学不安全'],
];
export const asides = ['', '，希望尽快解决', '，群众意见很大', '，请政府重视', '，已经反映多次', '，盼望今年能办'];
export const places = ['城关镇', '青山镇', '桃园乡', '城东街道', '河西镇', '李庄乡', '北关街道', '南湖镇', '东风社区', '幸福里社区', '和平村', '光明村', '红旗村', '新华街道', '西关村'];

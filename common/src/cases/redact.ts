// Personal details taken out of a letter before it is published as Q&A, and out of a report's text
// before a county bureau reads it (unless the reporter agreed to be contacted by it): mainland mobile
// and landline numbers, ID-card numbers, email addresses, unified credit codes, a name the writer gives
// for themselves (我叫张三, 本人李四, 我是王五, 姓名：赵六) and a home address down to the door
// (…路…号, …小区…栋…室, …村…组). Staff read and edit the published text as well; this catches what is
// easy to miss. Pure: the console shows the same masked text for review before publishing.

const HAN = '\\u4e00-\\u9fa5';
const NUM = '[0-9０-９一二三四五六七八九十零〇百两]+';
/** characters an address does not start with or run through: the words that introduce it */
const NOT_IN_PLACE = `\\s\\d０-９，。、；：！？,.;:!?（）()【】\\[\\]“”"'《》在住于是我的到从向和与及了为`;
const PLACE = `[^${NOT_IN_PLACE}]`;
/** what may follow a door number: building, unit, floor, room */
const UNITS = `(?:${NUM}(?:号楼|栋|幢|座|单元|楼|层|室|号|户))*`;

/** common surnames; not the ones that are also everyday words after 本人/我是 (于, 和, 车, 司 …) */
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵钱严覃武戴莫孔汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹欧耿兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕季裴霍涂苗谷盛曲翁冉骆蓝辛靳柴蒙鲍华喻祁蒲滕屈饶牟艾尤阳穆卓古吉缪简项芦麦褚娄窦戚岑景宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池麻苑迟邝高白';
const COMPOUND = '欧阳|司马|诸葛|上官|东方|皇甫|尉迟|公孙|慕容|长孙|宇文|司徒|夏侯|令狐|端木';
/** what ends a name: punctuation, a space, the end, or the words that usually come next */
const AFTER_NAME = `(?=$|[\\s，。、；：！？,.;:!?）)”"]|住|家住|现住|电话|手机|联系|身份证|来自|今年|男|女)`;
/** a "name" ending like this is where someone is from, not who they are (我是常德人) */
const NOT_A_NAME_END = '(?<![人市县区村镇乡省民户家])';
/** after 我是 / 本人 also not what someone does (我是高中生, 我是业主) */
const NOT_A_ROLE_END = '(?<![人市县区村镇乡省民户家生员主者工客长师友])';

const NAME_MASK = '[姓名已隐去]';
const ADDRESS_MASK = '[地址已隐去]';
const PHONE_MASK = '[电话已隐去]';

const PATTERNS: Array<[RegExp, string]> = [
  [/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '[邮箱已隐去]'],
  [/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g, '[身份证号已隐去]'],
  [/(?<![0-9A-Za-z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Za-z])/g, '[代码已隐去]'],
  [/(?<!\d)(\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?!\d)/g, PHONE_MASK],
  [/(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g, PHONE_MASK],
  // addresses: a road and its door number; a housing estate with building and room; a village's group
  [new RegExp(`${PLACE}{1,12}?(?:路|街|大道|巷|弄)${NUM}号${UNITS}`, 'gu'), ADDRESS_MASK],
  [
    new RegExp(
      `${PLACE}{1,12}?(?:小区|花园|公寓|新村|家园|大厦|苑)${NUM}(?:号楼|栋|幢|座|单元)${UNITS}`,
      'gu',
    ),
    ADDRESS_MASK,
  ],
  [new RegExp(`${PLACE}{1,10}?村${NUM}组(?:${NUM}号)?`, 'gu'), ADDRESS_MASK],
  // a name given by its writer: after 我叫 / 姓名： any two to four characters; after 我是 / 本人 a surname
  [
    new RegExp(
      `(我叫|我名叫|本人叫|本人名叫|我的名字是|我的名字叫|(?:姓名|联系人|举报人|来信人)[:：]\\s*)[${HAN}·]{2,4}?${NOT_A_NAME_END}${AFTER_NAME}`,
      'gu',
    ),
    `$1${NAME_MASK}`,
  ],
  [
    new RegExp(
      `(我是|本人是|本人|我姓)(?:${COMPOUND}|[${SURNAMES}])[${HAN}]{0,2}?${NOT_A_ROLE_END}${AFTER_NAME}`,
      'gu',
    ),
    `$1${NAME_MASK}`,
  ],
];

/** Details the case itself knows about its writer, masked wherever they stand in the text. */
export interface KnownPersonalDetails {
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  idNumber?: string | null;
  address?: string | null;
  organisation?: string | null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function redactPersonalDetails(text: string, known: KnownPersonalDetails = {}): string {
  let out = text;
  // what the writer gave in the form first: literally, however the patterns would read it
  const literal: Array<[string | null | undefined, number, string]> = [
    [known.idNumber, 6, '[身份证号已隐去]'],
    [known.phone, 5, PHONE_MASK],
    [known.email, 5, '[邮箱已隐去]'],
    [known.address, 4, ADDRESS_MASK],
    [known.organisation, 4, '[单位已隐去]'],
    [known.name, 2, NAME_MASK],
  ];
  for (const [value, min, mask] of literal) {
    const v = value?.trim();
    if (v && v.length >= min) out = out.replace(new RegExp(escape(v), 'g'), mask);
  }
  for (const [re, mask] of PATTERNS) out = out.replace(re, mask);
  return out;
}

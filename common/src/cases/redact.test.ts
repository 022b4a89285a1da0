import { describe, expect, it } from 'vitest';
import { redactPersonalDetails } from './redact.ts';

describe('personal details removed before publication', () => {
  it.each([
    ['我的电话13907361234，请回电', '我的电话[电话已隐去]，请回电'],
    ['手机 139 0736 1234', '手机 [电话已隐去]'],
    ['座机0736-7221234', '座机[电话已隐去]'],
    ['身份证43070219800101123X', '身份证[身份证号已隐去]'],
    ['邮箱 zhang.san@example.com 联系', '邮箱 [邮箱已隐去] 联系'],
    ['企业代码91430700MA4L12345X', '企业代码[代码已隐去]'],
    ['2026年12月2日下午3点，PM2.5 为 75', '2026年12月2日下午3点，PM2.5 为 75'],
  ])('%s', (input, expected) => expect(redactPersonalDetails(input)).toBe(expected));
});

describe('a name the writer gives for themselves', () => {
  it.each([
    ['我叫张三，住在附近。', '我叫[姓名已隐去]，住在附近。'],
    ['本人李四，反映如下', '本人[姓名已隐去]，反映如下'],
    ['我是王五', '我是[姓名已隐去]'],
    ['本人是欧阳明月，电话见下', '本人是[姓名已隐去]，电话见下'],
    ['您好，我是赵六住在城东', '您好，我是[姓名已隐去]住在城东'],
    ['姓名：孙七 电话：无', '姓名：[姓名已隐去] 电话：无'],
    ['我叫小明。', '我叫[姓名已隐去]。'],
    ['我姓钱，', '我姓[姓名已隐去]，'],
  ])('%s', (input, expected) => expect(redactPersonalDetails(input)).toBe(expected));

  // what only looks like one: who someone is, where from, what they do — left as written
  it.each([
    '本人认为这家工厂应当整改。',
    '我是附近居民，晚上噪声很大。',
    '我是周边群众，',
    '我是一名退休教师。',
    '本人于12月3日看到冒黑烟。',
    '我是常德人，',
    '我是高中生，',
    '我是李家村村民，',
    '我是业主，物业不管。',
    '本人多次反映未果。',
    '我是江边居民',
  ])('%s', (input) => expect(redactPersonalDetails(input)).toBe(input));
});

describe('a home address down to the door', () => {
  it.each([
    ['我家住在武陵区丹阳路12号，楼下餐馆油烟大', '我家住在[地址已隐去]，楼下餐馆油烟大'],
    ['住址：朗州路108号3栋2单元501室', '住址：[地址已隐去]'],
    ['我住阳光小区3栋502室，', '我住[地址已隐去]，'],
    ['家住柳叶湖花园12栋', '家住[地址已隐去]'],
    ['我是李家村3组的村民', '我是[地址已隐去]的村民'],
    ['住在河洑镇黄土村五组18号', '住在[地址已隐去]'],
  ])('%s', (input, expected) => expect(redactPersonalDetails(input)).toBe(expected));

  it.each(['丹阳路某印染厂后门排污口', '阳光小区门口的垃圾站', '李家村的河道', '国道319线旁'])(
    'leaves a place without a door: %s',
    (input) => expect(redactPersonalDetails(input)).toBe(input),
  );
});

describe('what the case knows about its writer', () => {
  it('masks the given name, phone and address wherever they stand, before the patterns', () => {
    const text = '张三反映：电话1390736 1234打不通，家在滨湖东区某巷子里。张三';
    expect(
      redactPersonalDetails(text, { name: '张三', phone: '1390736 1234', address: '滨湖东区某巷子里' }),
    ).toBe('[姓名已隐去]反映：电话[电话已隐去]打不通，家在[地址已隐去]。[姓名已隐去]');
  });

  it('ignores details too short to be safe to replace, and masking twice changes nothing', () => {
    expect(redactPersonalDetails('王说了', { name: '王' })).toBe('王说了');
    const once = redactPersonalDetails('我叫张三，家住丹阳路12号，电话13907361234');
    expect(redactPersonalDetails(once)).toBe(once);
  });
});

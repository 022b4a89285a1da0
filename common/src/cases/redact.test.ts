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

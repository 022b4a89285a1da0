// Personal details taken out of a letter before it is published as Q&A: mainland mobile and landline
// numbers, ID-card numbers, email addresses and unified credit codes are masked. Staff read and edit the
// published text as well; this catches what is easy to miss.
const PATTERNS: Array<[RegExp, string]> = [
  [/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '[邮箱已隐去]'],
  [/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g, '[身份证号已隐去]'],
  [/(?<![0-9A-Za-z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Za-z])/g, '[代码已隐去]'],
  [/(?<!\d)(\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?!\d)/g, '[电话已隐去]'],
  [/(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g, '[电话已隐去]'],
];

export function redactPersonalDetails(text: string): string {
  let out = text;
  for (const [re, mask] of PATTERNS) out = out.replace(re, mask);
  return out;
}

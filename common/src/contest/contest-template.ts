// What a new year's contest starts from (plan §2.2): handicraft and painting, primary and secondary
// schools, a three-criterion rubric on 0–10. The console's form offers it to edit; the demo uses it.
export const CONTEST_TEMPLATE = {
  categories: [
    { code: 'handicraft', name: '手工制作' },
    { code: 'painting', name: '绘画' },
  ],
  ageGroups: [
    { code: 'primary', name: '小学组' },
    { code: 'secondary', name: '中学组' },
  ],
  rubric: [
    { code: 'theme', name: '主题契合', weight: 40, min: 0, max: 10 },
    { code: 'creativity', name: '创意', weight: 30, min: 0, max: 10 },
    { code: 'craft', name: '制作工艺', weight: 30, min: 0, max: 10 },
  ],
};

// Interface texts of the activities and contest pages' menu entries, spread into dictionary.ts; the
// pages' own texts are pick({ zh, en }) pairs beside their use.

export const activitiesZh = {
  'nav.activities': '宣传活动',
  'home.activitiesDesc': '大讲堂、“五进”、六五环境日等活动的登记、照片、统计、“五进”达标和报名名额',
  'nav.contest': '环保创意大赛',
  'home.contestDesc': '学校报名、作品和照片、盲评、去高低平均分的结果、获奖建议与审定',
};

export const activitiesEn: Record<keyof typeof activitiesZh, string> = {
  'nav.activities': 'Publicity events',
  'home.activitiesDesc':
    'Lecture halls, five-into, June-5 and other events: records, photos, statistics, the five-into norm and sign-up seats',
  'nav.contest': 'Creativity contest',
  'home.contestDesc':
    'Schools and works with photos, blind judging, trimmed-mean results, the award proposal and its approval',
};

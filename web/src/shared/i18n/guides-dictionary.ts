// Interface texts of the console's 办事指南 page (decision 113), spread into dictionary.ts.

export const guidesZh = {
  'nav.serviceGuides': '办事指南',
  'home.serviceGuidesDesc': '本局办理事项的办事指南：十项要素、表格下载，发布到门户“办事指南”',
  'guides.intro':
    '每项指南须写全事项名称、设定依据、申请条件、办理材料、办理地点、办理机构、收费标准、办理时间、联系电话和办理流程才能发布；缺项的指南在列表中注明所缺要素。',
  'guides.name': '事项名称',
  'guides.category': '类别',
  'guides.status': '状态',
  'guides.forms': '表格下载',
  'guides.noForms': '尚无表格',
  'guides.uploadForm': '上传表格（PDF、Word、Excel）',
  'guides.missing': '缺少：{names}',
  'guides.published': '已发布',
  'guides.draft': '草稿',
  'guides.new': '新建办事指南',
  'guides.view': '门户查看',
  'guides.publish': '发布',
  'guides.unpublish': '撤下',
  'guides.publishConfirm': '发布到门户“办事指南”？',
  'guides.unpublishConfirm': '从门户撤下这项指南？',
  'guides.requiredToPublish': '发布前必填',
  'guides.timeLimit': '承诺办结时限（选填）',
  'guides.onlineUrl': '在线办理地址（选填）',
};

export const guidesEn: Record<keyof typeof guidesZh, string> = {
  'nav.serviceGuides': 'Service guides',
  'home.serviceGuidesDesc':
    "The bureau's service guides: the ten elements and forms, published on the portal",
  'guides.intro':
    'A guide can be published only with all ten elements: service, legal basis, who may apply, materials, where, which office, fees, hours, phone and process. A guide lacking any says which on the list.',
  'guides.name': 'Service',
  'guides.category': 'Category',
  'guides.status': 'Status',
  'guides.forms': 'Forms',
  'guides.noForms': 'No forms yet',
  'guides.uploadForm': 'Upload a form (PDF, Word, Excel)',
  'guides.missing': 'Missing: {names}',
  'guides.published': 'Published',
  'guides.draft': 'Draft',
  'guides.new': 'New service guide',
  'guides.view': 'View on portal',
  'guides.publish': 'Publish',
  'guides.unpublish': 'Unpublish',
  'guides.publishConfirm': 'Publish on the portal’s service guides?',
  'guides.unpublishConfirm': 'Take this guide off the portal?',
  'guides.requiredToPublish': 'Required to publish',
  'guides.timeLimit': 'Time limit (optional)',
  'guides.onlineUrl': 'Online service address (optional)',
};

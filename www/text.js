// The page's own words (labels, buttons, examples) in zh-CN, zh-TW and en.
// Rule messages are NOT here: they come from the package, localized.

export const UI = {
  'zh-CN': {
    skip: '跳到检查结果', draftNote: '你填写的内容只保存在本浏览器里（本站的 localStorage），刷新或返回都不会丢失；不会上传，照片从不保存。在共用电脑上用完请清除。',
    forget: '清除本机保存的数据', forgotten: '已清除本机保存的数据。', printThis: '打印此报告', closeReport: '收起报告，继续修改', cancel: '取消',
    confirmExample: '载入示例会替换你已填写的全部内容。', confirmClear: '清空会删除你已填写的全部内容。', confirmForget: '这会清空表单，并删除本浏览器保存的草稿和语言设置。',
    replace: '替换', doClear: '清空', doForget: '清除',
    removeDomainOf: '删除域名 {d}', removeDomainN: '删除第 {n} 个域名', removeWebsiteN: '删除网站 {n}', websiteDocs: '本网站的材料',
    uploadsFor_personal: '个人备案：身份证正反面与核验照片属于备案人本人。', uploadsFor_unit: '单位备案：单位证件，以及主体负责人的身份证与核验照片。',
    reportShown: '报告已生成，见下方。', showList: '显示问题列表', hideList: '收起问题列表',
    title: 'ICP 备案自检', lead: '逐项检查备案信息，在提交给服务商之前，找出会被管局驳回的问题，并告诉你怎么改。',
    badgeLocal: '全部在本机浏览器中检查，不上传任何数据', badgeRules: '依据工信部及各省管局公开要求', badgeLangs: '简体 · 繁體 · English',
    exampleClean: '载入示例：完整无误', exampleMistakes: '载入示例：常见错误', clear: '清空',
    secSubject: '主体信息', secPrincipal: '主体负责人', secWebsites: '网站信息', secUploads: '证件与材料', secFooter: '网站底部备案号',
    province: '备案省份', choose: '请选择', subjectType: '主体性质', subjectNameUnit: '单位名称', subjectNamePerson: '姓名（与身份证一致）',
    certType: '证件类型', certNumber: '证件号码', certValidUntil: '证件有效期至', longTerm: '长期', cardNumber: '证件上的号码', cardValidity: '证件有效期限', address: '证件住所 / 通信地址',
    personalNote: '个人备案的主体负责人就是备案人本人，姓名与证件取自上方。',
    personName: '姓名', mobile: '手机号码', emergencyPhone: '应急联系电话', email: '电子邮箱', landline: '办公电话（选填）',
    website: '网站', remove: '删除', websiteName: '网站名称', domains: '网站域名', domain: '域名', addDomain: '＋ 添加域名', removeDomain: '删除此域名',
    domainHolder: '域名持有者（证书上的名称）', domainExpiresOn: '域名到期日', domainVerifiedOn: '域名实名认证日期（选填）', contentTypes: '涉及前置审批的内容（没有则不选）', remark: '备注',
    samePrincipal: '网站负责人与主体负责人相同', legalRep: '是单位的法定代表人', residencePermit: '持有备案省份的居住证', addWebsite: '＋ 添加网站',
    uploadsNote: '图片只在本机读取：先读文件头（格式、大小、尺寸），再缩小解码检查画面。不会上传。',
    icpNumber: 'ICP 备案号', psbNumber: '公安备案号', footerHtml: '网站底部 HTML（粘贴首页源代码或页脚部分）',
    submit: '检查全部并生成报告', summary: '检查结果', print: '打印检查报告', nothingYet: '填写后这里会实时汇总问题',
    ready: '检查器已就绪', loading: '正在加载检查器…', failed: '检查器加载失败，表单仍可正常填写。', form: '整体',
    allClear: '没有会被驳回的错误，可以提交给服务商。', reportTitle: 'ICP 备案自检报告', reportDate: '生成时间',
    foot: 'beian-check 只做提交前的预检查，最终以管局审核为准。', embedLink: '在你的表单里嵌入（一行代码）',
    st_personal: '个人', st_enterprise: '企业', st_government: '政府机关', st_institution: '事业单位', st_social_org: '社会团体', st_other: '其他',
    slot_idCardFront: '身份证人像面', slot_idCardBack: '身份证国徽面', slot_businessLicense: '营业执照', slot_verificationPhoto: '核验照片（幕布照）',
    slot_handheldId: '手持证件照', slot_domainCertificate: '域名证书', slot_authorizationLetter: '授权书', slot_preApproval: '前置审批文件', slot_other: '其他材料',
    slotDesc_idCardFront: '原件彩色照片，四角完整', slotDesc_idCardBack: '有效期清晰可见', slotDesc_businessLicense: '最新版原件彩色扫描',
    slotDesc_verificationPhoto: '本人半身照，背景干净', slotDesc_handheldId: '人脸与证件都清晰', slotDesc_domainCertificate: '持有者与主体一致',
    slotDesc_authorizationLetter: '负责人非法定代表人时', slotDesc_preApproval: '涉及新闻、出版等内容时', slotDesc_other: '管局要求的补充材料',
    contentType: {}, notChecked: '（此版本未检查）',
  },
  'zh-TW': {
    skip: '跳到檢查結果', draftNote: '你填寫的內容只儲存在本瀏覽器裡（本站的 localStorage），重新整理或返回都不會遺失；不會上傳，照片從不儲存。在共用電腦上用完請清除。',
    forget: '清除本機儲存的資料', forgotten: '已清除本機儲存的資料。', printThis: '列印此報告', closeReport: '收起報告，繼續修改', cancel: '取消',
    confirmExample: '載入範例會取代你已填寫的全部內容。', confirmClear: '清除會刪除你已填寫的全部內容。', confirmForget: '這會清空表單，並刪除本瀏覽器儲存的草稿和語言設定。',
    replace: '取代', doClear: '清除', doForget: '清除',
    removeDomainOf: '刪除網域 {d}', removeDomainN: '刪除第 {n} 個網域', removeWebsiteN: '刪除網站 {n}', websiteDocs: '本網站的材料',
    uploadsFor_personal: '個人備案：身分證正反面與核驗照片屬於備案人本人。', uploadsFor_unit: '單位備案：單位證件，以及主體負責人的身分證與核驗照片。',
    reportShown: '報告已產生，見下方。', showList: '顯示問題清單', hideList: '收起問題清單',
    title: 'ICP 備案自檢', lead: '逐項檢查備案資訊，在送交服務商之前，找出會被管局駁回的問題，並告訴你怎麼改。',
    badgeLocal: '全部在本機瀏覽器中檢查，不上傳任何資料', badgeRules: '依據工信部及各省管局公開要求', badgeLangs: '简体 · 繁體 · English',
    exampleClean: '載入範例：完整無誤', exampleMistakes: '載入範例：常見錯誤', clear: '清除',
    secSubject: '主體資訊', secPrincipal: '主體負責人', secWebsites: '網站資訊', secUploads: '證件與材料', secFooter: '網站底部備案號',
    province: '備案省份', choose: '請選擇', subjectType: '主體性質', subjectNameUnit: '單位名稱', subjectNamePerson: '姓名（與身分證一致）',
    certType: '證件類型', certNumber: '證件號碼', certValidUntil: '證件有效期限至', longTerm: '長期', cardNumber: '證件上的號碼', cardValidity: '證件有效期限', address: '證件住所 / 通訊地址',
    personalNote: '個人備案的主體負責人就是備案人本人，姓名與證件取自上方。',
    personName: '姓名', mobile: '手機號碼', emergencyPhone: '緊急聯絡電話', email: '電子郵件', landline: '辦公電話（選填）',
    website: '網站', remove: '刪除', websiteName: '網站名稱', domains: '網站網域', domain: '網域', addDomain: '＋ 新增網域', removeDomain: '刪除此網域',
    domainHolder: '網域持有者（證書上的名稱）', domainExpiresOn: '網域到期日', domainVerifiedOn: '網域實名認證日期（選填）', contentTypes: '涉及前置審批的內容（沒有則不選）', remark: '備註',
    samePrincipal: '網站負責人與主體負責人相同', legalRep: '是單位的法定代表人', residencePermit: '持有備案省份的居住證', addWebsite: '＋ 新增網站',
    uploadsNote: '圖片只在本機讀取：先讀檔頭（格式、大小、尺寸），再縮小解碼檢查畫面。不會上傳。',
    icpNumber: 'ICP 備案號', psbNumber: '公安備案號', footerHtml: '網站底部 HTML（貼上首頁原始碼或頁尾部分）',
    submit: '檢查全部並產生報告', summary: '檢查結果', print: '列印檢查報告', nothingYet: '填寫後這裡會即時彙整問題',
    ready: '檢查器已就緒', loading: '正在載入檢查器…', failed: '檢查器載入失敗，表單仍可正常填寫。', form: '整體',
    allClear: '沒有會被駁回的錯誤，可以送交服務商。', reportTitle: 'ICP 備案自檢報告', reportDate: '產生時間',
    foot: 'beian-check 只做送出前的預先檢查，最終以管局審核為準。', embedLink: '在你的表單裡嵌入（一行程式碼）',
    st_personal: '個人', st_enterprise: '企業', st_government: '政府機關', st_institution: '事業單位', st_social_org: '社會團體', st_other: '其他',
    slot_idCardFront: '身分證人像面', slot_idCardBack: '身分證國徽面', slot_businessLicense: '營業執照', slot_verificationPhoto: '核驗照片（幕布照）',
    slot_handheldId: '手持證件照', slot_domainCertificate: '網域證書', slot_authorizationLetter: '授權書', slot_preApproval: '前置審批文件', slot_other: '其他材料',
    slotDesc_idCardFront: '正本彩色照片，四角完整', slotDesc_idCardBack: '有效期限清晰可見', slotDesc_businessLicense: '最新版正本彩色掃描',
    slotDesc_verificationPhoto: '本人半身照，背景乾淨', slotDesc_handheldId: '人臉與證件都清晰', slotDesc_domainCertificate: '持有者與主體一致',
    slotDesc_authorizationLetter: '負責人非法定代表人時', slotDesc_preApproval: '涉及新聞、出版等內容時', slotDesc_other: '管局要求的補充材料',
    notChecked: '（此版本未檢查）', contentType: { 新闻: '新聞', 出版: '出版', 教育: '教育', 医疗保健: '醫療保健', 药品和医疗器械: '藥品和醫療器材', 文化: '文化', 广播电影电视节目: '廣播電影電視節目', 互联网金融: '網際網路金融' },
  },
  en: {
    skip: 'Skip to the results', draftNote: 'What you type is kept in this browser only (this site\'s localStorage), so a reload or Back loses nothing; nothing is uploaded and photos are never stored. On a shared computer, clear it when done.',
    forget: 'Forget my data on this device', forgotten: 'The data saved on this device is gone.', printThis: 'Print this report', closeReport: 'Hide the report and keep editing', cancel: 'Cancel',
    confirmExample: 'Loading the example replaces everything you typed.', confirmClear: 'Clearing deletes everything you typed.', confirmForget: 'This empties the form and deletes the draft and the language choice saved in this browser.',
    replace: 'Replace', doClear: 'Clear', doForget: 'Forget',
    removeDomainOf: 'Remove domain {d}', removeDomainN: 'Remove domain {n}', removeWebsiteN: 'Remove website {n}', websiteDocs: 'Documents for this website',
    uploadsFor_personal: 'Personal filing: both sides of the ID card and the verification photo are the applicant\'s own.', uploadsFor_unit: 'Organisation: its certificate, and the principal\'s ID card and verification photo.',
    reportShown: 'The report is below.', showList: 'Show the problems', hideList: 'Hide the problems',
    title: 'ICP filing self-check', lead: 'Checks your ICP filing field by field before you hand it to your provider: what a reviewer would reject, and how to fix it.',
    badgeLocal: 'Everything is checked in this browser; nothing is uploaded', badgeRules: 'Based on published MIIT and provincial requirements', badgeLangs: '简体 · 繁體 · English',
    exampleClean: 'Load example: clean filing', exampleMistakes: 'Load example: typical mistakes', clear: 'Clear',
    secSubject: 'Subject', secPrincipal: 'Subject principal', secWebsites: 'Websites', secUploads: 'Documents and photos', secFooter: 'Filing number in the footer',
    province: 'Filing province', choose: 'Choose…', subjectType: 'Subject type', subjectNameUnit: 'Organisation name', subjectNamePerson: 'Name (as on the ID card)',
    certType: 'Certificate type', certNumber: 'Certificate number', certValidUntil: 'Valid until', longTerm: 'Long-term', cardNumber: 'Number on the card', cardValidity: 'Validity on the card', address: 'Registered / postal address',
    personalNote: 'In a personal filing the principal is the applicant; name and certificate are taken from above.',
    personName: 'Name', mobile: 'Mobile number', emergencyPhone: 'Emergency phone', email: 'E-mail address', landline: 'Office phone (optional)',
    website: 'Website', remove: 'Remove', websiteName: 'Website name', domains: 'Domains', domain: 'Domain', addDomain: '+ Add domain', removeDomain: 'Remove this domain',
    domainHolder: 'Domain holder (name on the certificate)', domainExpiresOn: 'Domain expires on', domainVerifiedOn: 'Domain real-name verified on (optional)', contentTypes: 'Content needing pre-approval (leave empty if none)', remark: 'Remarks',
    samePrincipal: 'The website principal is the subject principal', legalRep: "Is the organisation's legal representative", residencePermit: 'Holds a residence permit of the filing province', addWebsite: '+ Add website',
    uploadsNote: 'Images are read on this device only: the header first (format, size, dimensions), then a downscaled decode for the picture checks. Nothing is uploaded.',
    icpNumber: 'ICP filing number', psbNumber: 'Public security filing number', footerHtml: 'Footer HTML (paste the home page source or its footer)',
    submit: 'Check everything and make the report', summary: 'Results', print: 'Print the report', nothingYet: 'Problems are summarised here as you type',
    ready: 'Checker ready', loading: 'Loading the checker…', failed: 'The checker failed to load; the form still works.', form: 'Filing',
    allClear: 'No errors a reviewer would reject; ready for your provider.', reportTitle: 'ICP filing self-check report', reportDate: 'Generated',
    foot: 'beian-check is a pre-check only; the provincial bureau has the final word.', embedLink: 'Embed it in your own form (one line)',
    st_personal: 'Personal', st_enterprise: 'Enterprise', st_government: 'Government', st_institution: 'Public institution', st_social_org: 'Social organisation', st_other: 'Other',
    slot_idCardFront: 'ID card, photo side', slot_idCardBack: 'ID card, emblem side', slot_businessLicense: 'Business licence', slot_verificationPhoto: 'Verification photo',
    slot_handheldId: 'Photo holding the ID', slot_domainCertificate: 'Domain certificate', slot_authorizationLetter: 'Letter of authorisation', slot_preApproval: 'Pre-approval document', slot_other: 'Other material',
    slotDesc_idCardFront: 'Colour photo of the original, all corners', slotDesc_idCardBack: 'Validity dates legible', slotDesc_businessLicense: 'Latest original, colour scan',
    slotDesc_verificationPhoto: 'Half-length, plain background', slotDesc_handheldId: 'Face and card both sharp', slotDesc_domainCertificate: 'Holder matches the subject',
    slotDesc_authorizationLetter: 'When the principal is not the legal rep.', slotDesc_preApproval: 'For news, publishing, …', slotDesc_other: 'Anything the bureau asks for',
    notChecked: '(not checked by this version)', contentType: { 新闻: 'News', 出版: 'Publishing', 教育: 'Education', 医疗保健: 'Healthcare', 药品和医疗器械: 'Drugs and medical devices', 文化: 'Culture', 广播电影电视节目: 'Radio, film and TV', 互联网金融: 'Internet finance' },
  },
};

export const CERT_LABELS = {
  'zh-CN': { residentId: '居民身份证', hmtResidencePermit: '港澳台居民居住证', foreignPermanentId: '外国人永久居留身份证', hkMacaoPermit: '港澳居民来往内地通行证', taiwanPermit: '台湾居民来往大陆通行证', passport: '护照', creditCode: '统一社会信用代码', orgCode: '组织机构代码', businessRegNumber: '工商注册号（旧）' },
  'zh-TW': { residentId: '居民身分證', hmtResidencePermit: '港澳台居民居住證', foreignPermanentId: '外國人永久居留身分證', hkMacaoPermit: '港澳居民來往內地通行證', taiwanPermit: '台灣居民來往大陸通行證', passport: '護照', creditCode: '統一社會信用代碼', orgCode: '組織機構代碼', businessRegNumber: '工商註冊號（舊）' },
  en: { residentId: 'Resident ID card', hmtResidencePermit: 'HK/Macao/Taiwan residence permit', foreignPermanentId: 'Foreign permanent resident ID', hkMacaoPermit: 'HK/Macao home-return permit', taiwanPermit: 'Taiwan compatriot permit', passport: 'Passport', creditCode: 'Unified social credit code', orgCode: 'Organisation code', businessRegNumber: 'Business registration no. (old)' },
};

export const CERTS_FOR = {
  person: ['residentId', 'hmtResidencePermit', 'foreignPermanentId', 'hkMacaoPermit', 'taiwanPermit', 'passport'],
  unit: ['creditCode', 'orgCode', 'businessRegNumber'],
};

export const SUBJECT_TYPES = ['personal', 'enterprise', 'government', 'institution', 'social_org', 'other'];

/**
 * Upload slots and where they go in the filing (the Documents shape: an
 * uploaded slot is `{}` or `{ card }` at `subject.documents.<slot>`,
 * `subject.principal.documents.<slot>` or `websites[i].documents.<slot>`).
 * `only`: the subject types a slot is shown for (the page hides the others).
 */
const UNITS = ['enterprise', 'government', 'institution', 'social_org', 'other'];
export const DOCS = {
  subject: ['businessLicense'],
  principal: ['idCardFront', 'idCardBack', 'verificationPhoto', 'handheldId'],
  extra: ['other'],
  website: ['domainCertificate', 'preApproval', 'authorizationLetter'],
  person: ['idCardFront', 'idCardBack'], // a website principal other than the subject's
  only: { businessLicense: UNITS, authorizationLetter: UNITS },
};

/** Pre-approval categories (rules.md §6); the values are what checkForm expects. */
export const CONTENT_TYPES = ['新闻', '出版', '教育', '医疗保健', '药品和医疗器械', '文化', '广播电影电视节目', '互联网金融'];

/** Mainland filing provinces: [code, zh-CN, zh-TW, en] (from src/province.rs). */
export const PROVINCES = [
  ['11', '北京', '北京市', 'Beijing'], ['12', '天津', '天津市', 'Tianjin'], ['13', '河北', '河北省', 'Hebei'], ['14', '山西', '山西省', 'Shanxi'],
  ['15', '内蒙古', '內蒙古自治區', 'Inner Mongolia'], ['21', '辽宁', '遼寧省', 'Liaoning'], ['22', '吉林', '吉林省', 'Jilin'], ['23', '黑龙江', '黑龍江省', 'Heilongjiang'],
  ['31', '上海', '上海市', 'Shanghai'], ['32', '江苏', '江蘇省', 'Jiangsu'], ['33', '浙江', '浙江省', 'Zhejiang'], ['34', '安徽', '安徽省', 'Anhui'],
  ['35', '福建', '福建省', 'Fujian'], ['36', '江西', '江西省', 'Jiangxi'], ['37', '山东', '山東省', 'Shandong'], ['41', '河南', '河南省', 'Henan'],
  ['42', '湖北', '湖北省', 'Hubei'], ['43', '湖南', '湖南省', 'Hunan'], ['44', '广东', '廣東省', 'Guangdong'], ['45', '广西', '廣西壯族自治區', 'Guangxi'],
  ['46', '海南', '海南省', 'Hainan'], ['50', '重庆', '重慶市', 'Chongqing'], ['51', '四川', '四川省', 'Sichuan'], ['52', '贵州', '貴州省', 'Guizhou'],
  ['53', '云南', '雲南省', 'Yunnan'], ['54', '西藏', '西藏自治區', 'Tibet'], ['61', '陕西', '陝西省', 'Shaanxi'], ['62', '甘肃', '甘肅省', 'Gansu'],
  ['63', '青海', '青海省', 'Qinghai'], ['64', '宁夏', '寧夏回族自治區', 'Ningxia'], ['65', '新疆', '新疆維吾爾自治區', 'Xinjiang'],
];

// Check digits computed by GB 11643 / GB 32100 / GB 11714 for made-up people and companies.
export const EXAMPLES = {
  clean: {
    province: '35',
    subject: {
      type: 'enterprise', name: '福州绿野科技有限公司', certType: 'creditCode', certNumber: '91350102MA2Y7K3P8C', certValidUntil: 'long-term',
      address: '福建省福州市鼓楼区五四路 88 号 12 层',
      principal: { name: '林晓峰', certType: 'residentId', certNumber: '350102199003071234', certValidUntil: '2036-03-01', mobile: '13959112345', emergencyPhone: '13805912345', email: 'lin.xiaofeng@lvye-tech.cn', landline: '0591-87654321' },
    },
    websites: [{ name: '绿野科技', domains: ['lvye-tech.cn'], domainHolder: '福州绿野科技有限公司', domainExpiresOn: '2029-06-30', contentTypes: [], remark: '' }],
    footer: {
      icp: '闽ICP备2024012345号-1',
      psb: '闽公网安备35010202000123号',
      html: '<footer style="text-align:center">\n  <p>© 2026 福州绿野科技有限公司</p>\n  <a href="https://beian.miit.gov.cn/" target="_blank">闽ICP备2024012345号-1</a>\n  <a href="https://beian.mps.gov.cn/#/query/webSearch?code=35010202000123" target="_blank"><img src="/beian.png" alt="">闽公网安备35010202000123号</a>\n</footer>',
    },
  },
  mistakes: {
    province: '11',
    subject: {
      type: 'personal', name: '张三', certType: 'residentId', certNumber: '１１０１０５１９８８０５１２２３１５', certValidUntil: '2026-12-15', address: '北京市朝阳区',
      principal: { mobile: '１３９ ５９１１ ２３４５', emergencyPhone: '13959112345', email: 'zhangsan@qq,com' },
    },
    websites: [{ name: '张三的技术论坛', domains: ['https://www.zhangsan.org/', 'zhangsan.io'], domainHolder: '李四', domainExpiresOn: '2026-12-20', contentTypes: ['新闻'], remark: '' }],
    footer: {
      icp: '京ICP备2024012345号-0',
      psb: '京公网安备 1101050200',
      html: '<div class="footer">Copyright © 2026 张三 · 京ICP备2024012345号</div>',
    },
  },
};

// Type-checked against the shipped declarations: the documents shape of a
// checkForm form and the label of its findings (docs/form-documents.md).
import { checkForm, type Documents, type FilingForm, type FormResult } from 'beian-check';

const principalDocs: Documents = {
  idCardFront: { card: { number: '110105199003071234', numberConfidence: 0.98 } },
  idCardBack: { card: { validUntil: 'long-term', validityConfidence: 0.97 } },
};
const form: FilingForm = {
  subject: {
    type: 'enterprise', name: '深圳市云帆科技有限公司', certType: 'creditCode', certNumber: '91440300MA5FXT0K2D',
    principal: { name: '王芳', certType: 'residentId', certNumber: '440305198801013458', mobile: '13712345678', documents: principalDocs },
    documents: { businessLicense: {} },
  },
  websites: [{ name: '云帆科技官网', domains: ['yunfan-tech.com'], principal: { name: '王芳', certType: 'residentId', certNumber: '440305198801013458', mobile: '13712345678' }, documents: { domainCertificate: {} } }],
};
const r: FormResult = checkForm(form);
const labels: (string | undefined)[] = r.findings.map((f) => f.label);
// @ts-expect-error: slots are a closed set
const wrong: Documents = { passportPage: {} };
void [labels, wrong];

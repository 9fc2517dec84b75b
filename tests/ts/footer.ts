// Type-checked against the shipped declarations: checkFooter and its options.
import { checkFooter, type FooterOptions, type FooterResult } from 'beian-check';

const options: FooterOptions = { locale: 'zh-CN', icpNumber: '京ICP备16020626号-8', psbNumber: '京公网安备11010502030143号', domain: 'example.com' };
const r: FooterResult = checkFooter('<footer></footer>', options);
const icp: string[] = r.info.icpNumbers;
const psb: string[] = r.info.psbNumbers;
const ok: boolean = r.ok;
void [icp, psb, ok];

// @ts-expect-error: icpNumber is a string
checkFooter('', { icpNumber: 1 });

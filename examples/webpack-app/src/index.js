// beian-check in a webpack 5 app, validating a form model with
// async-validator (what Element Plus and Naive UI run underneath).
import Schema from 'async-validator';
import init, { checkField } from 'beian-check';
import { rules } from 'beian-check/rules';

const status = document.querySelector('#status');
async function run() {
  await init();
  const model = { mobile: '1380013800', email: 'user@qq.com' };
  const descriptor = {
    mobile: [rules.mobile({ trigger: 'blur', locale: 'en', label: 'Contact mobile' })],
    email: [rules.email({ trigger: 'blur', locale: 'en', label: 'E-mail' })],
  };
  const errors = await new Schema(descriptor).validate(model).then(() => [], (e) => e.errors.map(({ field, message }) => ({ field, message })));
  const result = checkField('mobile', model.mobile, { locale: 'en' });
  document.querySelector('#out').textContent = JSON.stringify({ errors, result }, null, 2);
  status.textContent = 'done';
  status.dataset.state = 'done';
}
run().catch((e) => {
  status.textContent = `failed: ${e.message}`;
  status.dataset.state = 'failed';
});

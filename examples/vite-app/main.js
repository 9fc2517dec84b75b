// beian-check in a Vite app: the same package import a user writes. The
// wasm is an asset Vite emits next to the bundle (no plugin, no config).
import init, { checkField, schemas } from 'beian-check';
import { rules } from 'beian-check/rules';

const status = document.querySelector('#status');
async function run() {
  await init();
  const value = document.querySelector('#mobile').value;
  const result = checkField('mobile', value);
  const schema = await schemas.mobile['~standard'].validate(value);
  const rule = rules.mobile({ trigger: 'blur', label: '联系人手机' });
  const rejected = await rule.validator(rule, value).then(() => null, (e) => e.message);
  document.querySelector('#out').textContent = JSON.stringify({ result, schema, rejected }, null, 2);
  status.textContent = 'done';
  status.dataset.state = 'done';
}
run().catch((e) => {
  status.textContent = `failed: ${e.message}`;
  status.dataset.state = 'failed';
});

import { it } from 'vitest';
import { mount } from './fixtures.ts';
it('dbg', async () => {
  const m = await mount({ 'required-google': '15', 'required-microsoft': '500' });
  await m.harness.typeBrand('acme');
  console.log(m.harness.domains().length, m.fake.calls.length, m.harness.notices(), m.harness.root.querySelector('.notices')?.innerHTML.slice(0, 500));
});

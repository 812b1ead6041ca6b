import { it } from 'vitest';
import { importItsm } from '../helpers/itsm.js';
import { startTestServer } from '../helpers/test-server.js';
it('probe', async () => {
  const t = await startTestServer();
  await importItsm(t);
  console.log(JSON.stringify(await t.gql('{ incidents { totalCount } }', {}, null)));
  console.log(JSON.stringify(await t.gql('mutation { createPerson(input: {name: "x"}) { person { id } } }', {}, null)));
  console.log(JSON.stringify(await t.gql('{ recordTypes { name } }', {}, null)));
  await t.stop();
});

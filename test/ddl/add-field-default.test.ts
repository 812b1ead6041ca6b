import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.stop());

const SAVE = `mutation($i: RecordTypeInput!) { saveRecordTypeDraft(input: $i) { name } }`;
const PUBLISH = `mutation($m: String!) { publishMetadata(message: $m) { version { id } ddl } }`;
const NAME = { name: 'name', label: 'Name', type: 'STRING' };

describe('a field added with a default (on this driver)', () => {
  it('gives the default to the records that already exist, as well as to new ones', async () => {
    await t.ok(SAVE, { i: { name: 'widget', label: 'Widget', numberPrefix: 'WDG', displayField: 'name', fields: [NAME] } });
    await t.ok(PUBLISH, { m: 'widgets' });
    await t.ok(`mutation { a: createWidget(input: { name: "a" }) { widget { id } } b: createWidget(input: { name: "b" }) { widget { id } } }`);

    await t.ok(SAVE, {
      i: {
        name: 'widget',
        label: 'Widget',
        numberPrefix: 'WDG',
        displayField: 'name',
        fields: [
          NAME,
          { name: 'size', label: 'Size', type: 'INTEGER', default: 3 },
          { name: 'colour', label: 'Colour', type: 'CHOICE', choices: [{ value: 'red', label: 'Red' }, { value: 'blue', label: 'Blue' }], default: 'blue' },
          { name: 'active', label: 'Active', type: 'BOOLEAN', default: true },
          { name: 'note', label: 'Note', type: 'STRING' },
        ],
      },
    });
    const published = await t.ok(PUBLISH, { m: 'widget defaults' });
    expect(published.publishMetadata.version.id).toBeGreaterThan(0);
    await t.ok(`mutation { createWidget(input: { name: "c" }) { widget { id } } }`);

    const rows = (await t.ok(`{ widgets(orderBy: [NAME_ASC]) { nodes { name size colour active note } } }`)).widgets.nodes;
    expect(rows).toEqual([
      { name: 'a', size: 3, colour: 'BLUE', active: true, note: null },
      { name: 'b', size: 3, colour: 'BLUE', active: true, note: null },
      { name: 'c', size: 3, colour: 'BLUE', active: true, note: null },
    ]);
  });
});

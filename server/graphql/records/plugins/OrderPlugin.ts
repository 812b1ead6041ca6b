import { GraphQLEnumType, type GraphQLEnumValueConfigMap } from 'graphql';
import { ORDERABLE_TYPES } from '../../../../schema/index.js';
import { ID_TERM, orderTermFor, SYSTEM_FIELDS, systemOrderKey, type OrderTerm } from '../../../records/compile/index.js';
import type { RecordPlugin } from '../plugin.js';

/** `…OrderBy` enums: ascending and descending for the id, system columns and every orderable field. */
export const OrderPlugin: RecordPlugin = {
  name: 'OrderPlugin',
  build({ builder, graph }) {
    for (const info of graph.byName.values()) {
      const t = info.type;
      const values: GraphQLEnumValueConfigMap = {
        ID_ASC: { value: ID_TERM },
        ID_DESC: { value: { ...ID_TERM, key: 'ID_DESC', desc: true } },
      };
      const add = (term: OrderTerm, description: string) => (values[term.key] = { value: term, description });
      for (const desc of [false, true]) {
        const d = desc ? 'DESC' : 'ASC';
        const system = (gqlName: string) => ({ ...orderTermFor(SYSTEM_FIELDS[gqlName], desc), key: `${systemOrderKey(gqlName)}_${d}` });
        if (t.numberPrefix) add(system('number'), 'Number.');
        add(system('createdAt'), 'When created.');
        add(system('updatedAt'), 'When last updated.');
        for (const f of t.activeFields) if (ORDERABLE_TYPES.has(f.type)) add(orderTermFor(f, desc), f.label);
      }
      builder.addType(new GraphQLEnumType({ name: `${t.gqlName}OrderBy`, description: `Orders of ${t.doc.label} records.`, values }), `order of ${t.name}`);
    }
  },
};

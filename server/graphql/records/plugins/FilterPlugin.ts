import {
  GraphQLBoolean,
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLString,
  type GraphQLInputFieldConfigMap,
  type GraphQLInputType,
} from 'graphql';
import { ORDERABLE_TYPES, type ModelField } from '../../../../schema/index.js';
import type { SchemaBuilder } from '../../schema-builder.js';
import { choiceEnum, describeField, scalarOf } from '../field-types.js';
import type { RecordPlugin } from '../plugin.js';
import { SCALARS } from './ScalarsPlugin.js';

const BY = 'FilterPlugin';

type OperatorSet = 'equality' | 'ordered' | 'text' | 'boolean' | 'json' | 'list';

function operatorInput(builder: SchemaBuilder, name: string, type: GraphQLInputType, set: OperatorSet): GraphQLInputObjectType {
  if (builder.hasType(name)) return builder.getType(name);
  const list = new GraphQLList(new GraphQLNonNull(type));
  const fields: GraphQLInputFieldConfigMap = { isNull: { type: GraphQLBoolean, description: 'True: no value. False: any value.' } };
  if (set === 'list') {
    fields.containsAll = { type: list, description: 'Has every one of these values.' };
    fields.containsAny = { type: list, description: 'Has at least one of these values.' };
  } else if (set === 'json') {
    fields.contains = { type, description: 'Contains this JSON (object containment).' };
  } else {
    fields.eq = { type, description: 'Equal to.' };
    fields.ne = { type, description: 'Not equal to (records without a value included).' };
    if (set !== 'boolean') {
      fields.in = { type: list, description: 'Equal to one of.' };
      fields.notIn = { type: list, description: 'Equal to none of.' };
    }
    if (set === 'ordered' || set === 'text') {
      fields.lt = { type, description: 'Less than.' };
      fields.lte = { type, description: 'Less than or equal to.' };
      fields.gt = { type, description: 'Greater than.' };
      fields.gte = { type, description: 'Greater than or equal to.' };
    }
    if (set === 'text') {
      fields.contains = { type: GraphQLString, description: 'Contains, ignoring case.' };
      fields.startsWith = { type: GraphQLString, description: 'Starts with, ignoring case.' };
      fields.endsWith = { type: GraphQLString, description: 'Ends with, ignoring case.' };
    }
  }
  return builder.addType(new GraphQLInputObjectType({ name, description: `Conditions on a ${type.toString()} value; all given must hold.`, fields }), BY);
}

export function idFilter(builder: SchemaBuilder): GraphQLInputObjectType {
  return operatorInput(builder, 'IDFilter', GraphQLID, 'equality');
}

function filterFor(builder: SchemaBuilder, field: ModelField, targetFilter?: string): GraphQLInputType {
  switch (field.type) {
    case 'reference':
      return builder.getType<GraphQLInputObjectType>(targetFilter!);
    case 'choice': {
      const e = choiceEnum(builder, field);
      return operatorInput(builder, `${e.name}Filter`, e, 'equality');
    }
    case 'multi_choice': {
      const e = choiceEnum(builder, field);
      return operatorInput(builder, `${e.name}ListFilter`, e, 'list');
    }
    case 'boolean':
      return operatorInput(builder, 'BooleanFilter', GraphQLBoolean, 'boolean');
    case 'json':
      return operatorInput(builder, 'JSONFilter', SCALARS.json, 'json');
    case 'string':
    case 'text':
    case 'email':
    case 'url': {
      const scalar = scalarOf(field);
      return operatorInput(builder, `${scalar.name}Filter`, scalar, 'text');
    }
    default: {
      const scalar = scalarOf(field);
      return operatorInput(builder, `${scalar.name}Filter`, scalar, ORDERABLE_TYPES.has(field.type) ? 'ordered' : 'equality');
    }
  }
}

/** `…Filter` inputs: per-field operators, and/or/not, and conditions through references. */
export const FilterPlugin: RecordPlugin = {
  name: BY,
  build({ builder, graph }) {
    const stringFilter = () => operatorInput(builder, 'StringFilter', GraphQLString, 'text');
    const intFilter = () => operatorInput(builder, 'IntFilter', GraphQLInt, 'ordered');
    const dateTimeFilter = () => operatorInput(builder, 'DateTimeFilter', SCALARS.datetime, 'ordered');
    for (const info of graph.byName.values()) {
      const t = info.type;
      const name = `${t.gqlName}Filter`;
      const self: GraphQLInputObjectType = new GraphQLInputObjectType({
        name,
        description: `Conditions on ${t.doc.pluralLabel ?? t.doc.label} records; all given must hold.`,
        fields: () => {
          const fields: GraphQLInputFieldConfigMap = {
            and: { type: new GraphQLList(new GraphQLNonNull(self)), description: 'All of these hold.' },
            or: { type: new GraphQLList(new GraphQLNonNull(self)), description: 'At least one of these holds.' },
            not: { type: self, description: 'This does not hold.' },
            id: { type: idFilter(builder), description: 'The record itself.' },
          };
          if (t.numberPrefix) fields.number = { type: stringFilter(), description: 'Number.' };
          fields.version = { type: intFilter(), description: 'Version.' };
          fields.createdAt = { type: dateTimeFilter(), description: 'When the record was created.' };
          fields.updatedAt = { type: dateTimeFilter(), description: 'When the record was last updated.' };
          for (const f of t.activeFields) {
            const target = f.type === 'reference' ? graph.byName.get(f.reference!) : undefined;
            if (f.type === 'reference' && !target) continue;
            fields[f.gqlName] = { type: filterFor(builder, f, target && `${target.type.gqlName}Filter`), description: describeField(f) };
            if (f.type === 'reference') fields[`${f.gqlName}Id`] = { type: idFilter(builder), description: `${f.label}, by id (isNull: no ${f.label}).` };
          }
          return fields;
        },
      });
      builder.addType(self, `filter of ${t.name}`);
    }
  },
};

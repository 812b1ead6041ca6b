import {
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLString,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLScalarType,
  type GraphQLObjectType,
} from 'graphql';
import { constantName, pascalName, UnreachableCaseError, type ModelField } from '../../../schema/index.js';
import type { SchemaBuilder } from '../schema-builder.js';
import { SCALARS } from './plugins/ScalarsPlugin.js';

/** The scalar a non-reference, non-choice field is exposed as. */
export function scalarOf(field: ModelField): GraphQLScalarType {
  switch (field.type) {
    case 'string':
    case 'text':
      return GraphQLString;
    case 'integer':
      return GraphQLInt;
    case 'boolean':
      return GraphQLBoolean;
    case 'decimal':
    case 'date':
    case 'datetime':
    case 'duration':
    case 'email':
    case 'url':
    case 'json':
      return SCALARS[field.type];
    case 'choice':
    case 'multi_choice':
    case 'reference':
      throw new Error(`${field.type} field ${field.name} has no scalar type`);
    default:
      throw new UnreachableCaseError(field.type);
  }
}

/** The enum of a choice field, named after the type that declares it so inheritors share it. */
export function choiceEnum(builder: SchemaBuilder, field: ModelField): GraphQLEnumType {
  const name = `${pascalName(field.owner)}${pascalName(field.name)}Choice`;
  if (builder.hasType(name)) return builder.getType<GraphQLEnumType>(name);
  return builder.addType(
    new GraphQLEnumType({
      name,
      description: `Choices of ${field.label}.`,
      // Internal value = the name: responses are built in SQL already in upper case; inputs are lowered on the way in.
      values: Object.fromEntries((field.enumChoices ?? field.choices ?? []).map((c) => [constantName(c.value), { value: constantName(c.value), description: c.label }])),
    }),
    `choices of ${field.owner}.${field.name}`,
  );
}

/** The output type of a field; references resolve to the target record type (object or interface). */
export function outputTypeOf(builder: SchemaBuilder, field: ModelField, targetGqlName?: string): GraphQLOutputType {
  let type: GraphQLOutputType;
  if (field.type === 'reference') type = builder.getType<GraphQLObjectType>(targetGqlName!);
  else if (field.type === 'choice') type = choiceEnum(builder, field);
  else if (field.type === 'multi_choice') type = new GraphQLList(new GraphQLNonNull(choiceEnum(builder, field)));
  else type = scalarOf(field);
  return field.required ? new GraphQLNonNull(type) : type;
}

/** The input type of a field in create inputs and patches; references take a global ID. */
export function inputTypeOf(builder: SchemaBuilder, field: ModelField, idType: GraphQLInputType): GraphQLInputType {
  if (field.type === 'reference') return idType;
  if (field.type === 'choice') return choiceEnum(builder, field);
  if (field.type === 'multi_choice') return new GraphQLList(new GraphQLNonNull(choiceEnum(builder, field)));
  return scalarOf(field);
}

/** Descriptions come from metadata labels and help texts, so the explorer and codegen show them. */
export function describeField(field: ModelField): string {
  return field.help ? `${field.label}. ${field.help}` : field.label;
}

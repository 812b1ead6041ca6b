import { GraphQLBoolean, GraphQLID, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLString } from 'graphql';
import type { RequestContext } from '../../context.js';
import { effectiveForm, type FormRequest } from '../../../records/index.js';
import { signedIn, type RecordPlugin } from '../plugin.js';

const BY = 'FormPlugin';
const str = new GraphQLNonNull(GraphQLString);
const bool = new GraphQLNonNull(GraphQLBoolean);
const list = <T extends GraphQLObjectType>(t: T) => new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(t)));

export const FieldUiStateType = new GraphQLObjectType({
  name: 'FieldUiState',
  description: 'How a form shows a field for this user and record: its required flag, the UI policies on the record, and the access rules combined.',
  fields: {
    mandatory: { type: bool, description: 'A value must be given (the server refuses the write without one).' },
    visible: { type: bool, description: 'Shown; presentation only (access rules decide what may be read).' },
    readOnly: { type: bool, description: 'Not editable: a UI policy, the access rules, or a value the server sets.' },
  },
});

export const EffectiveFormFieldType = new GraphQLObjectType({
  name: 'EffectiveFormField',
  fields: {
    name: { type: str, description: 'The GraphQL field name on the record.' },
    label: { type: str },
    help: { type: GraphQLString },
    type: { type: str, description: 'The field type (string, choice, reference, …).' },
    reference: { type: GraphQLString, description: 'For a reference: the GraphQL type it points at.' },
    state: { type: new GraphQLNonNull(FieldUiStateType) },
  },
});

export const EffectiveFormSectionType = new GraphQLObjectType({
  name: 'EffectiveFormSection',
  fields: {
    label: { type: GraphQLString },
    columns: { type: new GraphQLNonNull(new GraphQLList(list(EffectiveFormFieldType))), description: 'Columns of fields, each top to bottom.' },
  },
});

export const EffectiveRelatedListType = new GraphQLObjectType({
  name: 'EffectiveRelatedList',
  fields: {
    label: { type: str },
    recordType: { type: str, description: 'The record type listed.' },
    gqlType: { type: str, description: 'Its GraphQL type.' },
    connection: { type: str, description: 'The connection on the record that lists them.' },
  },
});

export const EffectiveFormType = new GraphQLObjectType({
  name: 'EffectiveForm',
  description: 'A form as one user sees it for one record (or a new one): fields they may not read are left out.',
  fields: {
    name: { type: GraphQLString, description: 'The form document; null for the default layout.' },
    label: { type: str },
    recordType: { type: str },
    gqlType: { type: str },
    sections: { type: list(EffectiveFormSectionType) },
    relatedLists: { type: list(EffectiveRelatedListType) },
  },
});

/** `form(type, recordId, name)`: the effective layout of a record for the signed-in user. */
export const FormPlugin: RecordPlugin = {
  name: BY,
  build(ctx) {
    const { builder, graph, limits } = ctx;
    for (const t of [FieldUiStateType, EffectiveFormFieldType, EffectiveFormSectionType, EffectiveRelatedListType, EffectiveFormType]) builder.addType(t, BY);
    builder.addRootField(
      'Query',
      'form',
      {
        type: new GraphQLNonNull(EffectiveFormType),
        description:
          'The form for a record (or, without recordId, a new record of the type) as you see it: sections of fields with their state (mandatory, visible, read-only) from the UI policies and your access, and related lists. `name` picks a form other than the default.',
        args: { type: { type: str, description: 'A record type name or GraphQL type name.' }, recordId: { type: GraphQLID }, name: { type: GraphQLString } },
        resolve(_src: unknown, args: FormRequest, rc: RequestContext) {
          signedIn(rc);
          return effectiveForm(rc.db, graph, limits, rc.actor!, args);
        },
      },
      BY,
    );
  },
};

/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** The kinds of field a record type can have. */
export type FieldType =
  | 'BOOLEAN'
  | 'CHOICE'
  | 'DATE'
  | 'DATETIME'
  | 'DECIMAL'
  | 'DURATION'
  | 'EMAIL'
  | 'INTEGER'
  | 'JSON'
  | 'MULTI_CHOICE'
  | 'REFERENCE'
  | 'STRING'
  | 'TEXT'
  | 'URL';

export type StudioRecordTypesQueryVariables = Exact<{ [key: string]: never; }>;


export type StudioRecordTypesQuery = { recordTypes: Array<{ name: string, label: string, extends: string | null, abstract: boolean, fields: Array<{ name: string, type: FieldType, label: string }> }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const StudioRecordTypesDocument = new TypedDocumentString(`
    query StudioRecordTypes {
  recordTypes {
    name
    label
    extends
    abstract
    fields {
      name
      type
      label
    }
  }
}
    `) as unknown as TypedDocumentString<StudioRecordTypesQuery, StudioRecordTypesQueryVariables>;
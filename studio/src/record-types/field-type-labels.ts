import { UnreachableCaseError, type FieldType } from '../../../schema/metadata/index.js';

/** What an admin calls each field type. */
export function fieldTypeLabel(type: FieldType): string {
  switch (type) {
    case 'string':
      return 'Short text';
    case 'text':
      return 'Long text';
    case 'integer':
      return 'Whole number';
    case 'decimal':
      return 'Decimal number';
    case 'boolean':
      return 'Yes / no';
    case 'date':
      return 'Date';
    case 'datetime':
      return 'Date and time';
    case 'duration':
      return 'Duration';
    case 'email':
      return 'E-mail address';
    case 'url':
      return 'URL';
    case 'choice':
      return 'Choice';
    case 'multi_choice':
      return 'Multiple choice';
    case 'reference':
      return 'Reference';
    case 'json':
      return 'JSON';
    default:
      throw new UnreachableCaseError(type);
  }
}

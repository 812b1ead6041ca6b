import type { Condition } from '../../../schema/condition/index.js';
import type { Model } from '../../../schema/metadata/index.js';

/**
 * A condition in plain language, with field labels: "Priority is 1 or 2 and Caller › Account is in my account
 * tree". Placeholder until the builder lands (replaced in this issue); the signature stays.
 */
export function summarizeCondition(_model: Model, _recordType: string, condition: Condition | null | undefined): string {
  return condition ? JSON.stringify(condition) : 'Always';
}

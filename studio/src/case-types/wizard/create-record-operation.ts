import { camelName, pascalName } from '../../../../schema/metadata/index.js';

/** What the final screen offers: the operation text, its variables and a link that opens it in the explorer. */
export interface CreateRecordOperation {
  mutationName: string;
  text: string;
  variables: Record<string, unknown>;
  explorerHref: string;
}

/**
 * The `create<Type>` mutation of a freshly published case type, ready to run: a query that finds the signed-in
 * person's id (the requester field needs it) and the mutation with example variables. The explorer reads `query`
 * and `variables` from its URL and opens them in a tab.
 */
export function createRecordOperation(typeName: string, requesterField: string | null, userName: string, explorerBase: string): CreateRecordOperation {
  const type = pascalName(typeName);
  const mutationName = `create${type}`;
  const requester = requesterField ? camelName(requesterField) : null;
  const text = [
    `# 1. Run FindMe, copy your id into the variables below (${requester ?? 'the requester'}).`,
    `query FindMe {`,
    `  people(filter: { userName: { eq: ${JSON.stringify(userName)} } }) {`,
    `    nodes { id name }`,
    `  }`,
    `}`,
    ``,
    `# 2. Run Create${type}: it submits the first case.`,
    `mutation Create${type}($input: Create${type}Input!) {`,
    `  ${mutationName}(input: $input) {`,
    `    ${camelName(typeName)} { id number state shortDescription }`,
    `  }`,
    `}`,
    ``,
  ].join('\n');
  const variables = { input: { shortDescription: 'My first case', ...(requester ? { [requester]: 'YOUR_PERSON_ID' } : {}) } };
  const params = new URLSearchParams({ query: text, variables: JSON.stringify(variables, null, 2) });
  return { mutationName, text, variables, explorerHref: `${explorerBase}?${params.toString()}` };
}

import type { Execute } from './itsm/demo-data.js';

/** Creates records through the generated `create<Type>` mutations (as `as` when given) and counts them. */
export function recordCreator(execute: Execute): { create(type: string, input: Record<string, unknown>, as?: string): Promise<string>; readonly count: number } {
  let count = 0;
  return {
    async create(type, input, as) {
      const field = type.charAt(0).toLowerCase() + type.slice(1);
      const r = await execute(`mutation($i: Create${type}Input!) { create${type}(input: $i) { ${field} { id } } }`, { i: input }, as);
      count++;
      return r[`create${type}`][field].id as string;
    },
    get count() {
      return count;
    },
  };
}

/** The id of the demo employee Erin (created by the ITSM demo data), or null when there is none. */
export async function demoEmployee(execute: Execute): Promise<string | null> {
  const found = await execute(`query { people(filter: { userName: { eq: "erin.employee" } }) { nodes { id } } }`, {});
  return (found.people.nodes[0]?.id as string | undefined) ?? null;
}

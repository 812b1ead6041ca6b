/** The one rule for every name that becomes an SQL identifier or a GraphQL name. */
export const NAME_PATTERN = /^[a-z][a-z0-9_]{0,62}$/;

// PostgreSQL's reserved and type-function key words (Appendix C), which cannot be plain identifiers.
const SQL_RESERVED = `all analyse analyze and any array as asc asymmetric authorization binary both case cast check
collate collation column concurrently constraint create cross current_catalog current_date current_role
current_schema current_time current_timestamp current_user default deferrable desc distinct do else end
except false fetch for foreign freeze from full grant group having ilike in initially inner intersect into
is isnull join lateral leading left like limit localtime localtimestamp natural not notnull null offset on
only or order outer overlaps placing primary references returning right select session_user similar some
symmetric system_user table tablesample then to trailing true union unique user using variadic verbose when
where window with`.split(/\s+/);

// GraphQL keywords and the names of the operation roots and built-in types (compared in snake_case).
const GRAPHQL_RESERVED = `query mutation subscription fragment type input enum interface union scalar schema
directive extend implements node page_info string int float boolean id`.split(/\s+/);

/** Field names the platform itself puts on every record. */
export const SYSTEM_FIELD_NAMES = [
  'id',
  'number',
  'version',
  'created_at',
  'updated_at',
  'created_by',
  'updated_by',
  'display_value',
  'typename',
] as const;

const RESERVED = new Set([...SQL_RESERVED, ...GRAPHQL_RESERVED]);

/** Why a name cannot be used, or null when it can. */
export function nameProblem(name: string): string | null {
  if (typeof name !== 'string' || !NAME_PATTERN.test(name)) {
    return `"${name}" is not a valid name: use 1 to 63 lower-case letters, digits and underscores, starting with a letter`;
  }
  if (RESERVED.has(name)) return `"${name}" is a reserved word in SQL or GraphQL; choose another name`;
  if (name.includes('__')) return `"${name}" contains a double underscore, which GraphQL reserves`;
  if (name.endsWith('_')) return `"${name}" ends with an underscore; choose a name that does not`;
  return null;
}

/** snake_case → camelCase for GraphQL field names. */
export function camelName(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** snake_case → PascalCase for GraphQL type names. */
export function pascalName(name: string): string {
  const camel = camelName(name);
  return camel.charAt(0).toUpperCase() + camel.slice(1);
}

/** snake_case → CONSTANT_CASE for GraphQL enum values. */
export function constantName(name: string): string {
  return name.toUpperCase();
}

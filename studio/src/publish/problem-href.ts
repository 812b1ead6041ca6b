import { METADATA_KINDS, type KindName, type MetadataSnapshot, type SnapshotKey } from '../../../schema/metadata/index.js';

const KIND_BY_KEY = new Map<string, KindName>(METADATA_KINDS.map((k) => [k.key, k.kind]));

/**
 * The designer route where the thing a problem path points at is edited, or null when the path names no document
 * (a server-wide check such as `identity` or a DDL step). Paths are `<recordType>.fields…` for record types and
 * `<snapshotKey>.<name>…` for every other kind (see `validateSnapshot` and `documentProblems`). Rules and policies
 * are edited with their record type: an ACL on the access rules of its type, a UI policy on its type's form.
 * `snapshot` is the working metadata (drafts laid over), where drafted documents are found.
 */
export function problemHref(path: string, snapshot: MetadataSnapshot): string | null {
  const [head = '', ...rest] = path.split('.');
  const kind = KIND_BY_KEY.get(head);
  if (kind && kind !== 'recordType' && rest[0]) return documentHref(kind, rest[0], snapshot);
  if (head && snapshot.recordTypes[head]) return documentHref('recordType', head, snapshot, rest);
  return null;
}

/**
 * The designer route of one document of `kind` (drafted, published or already gone: the route still opens its
 * designer, which says so). `rest` is the remainder of a record-type problem path, e.g. `['fields', 'caller']`.
 */
export function documentHref(kind: KindName, name: string, snapshot: MetadataSnapshot, rest: readonly string[] = []): string {
  const at = (route: string, doc?: string) => (doc ? `/${route}/${encodeURIComponent(doc)}` : `/${route}`);
  switch (kind) {
    case 'recordType': {
      // A field's problem names the field (`?field=`), for the record type designer to select it.
      const field = rest[0] === 'fields' && rest[1] ? `?field=${encodeURIComponent(rest[1])}` : '';
      return `${at('record-types', name)}${field}`;
    }
    case 'form':
      return at('forms', name);
    case 'uiPolicy': {
      const type = snapshot.uiPolicies[name]?.recordType;
      const form = type ? Object.values(snapshot.forms).find((f) => f.recordType === type)?.name : undefined;
      return at('forms', form ?? type);
    }
    case 'acl':
      return at('access-rules', snapshot.acls[name]?.recordType);
    case 'stateModel':
      return at('state-models', name);
    case 'caseType':
      return at('case-types', name);
    case 'userCriteria':
      return at('user-criteria', name);
    case 'businessUnit':
      // A unit has no designer of its own: its case types are where it is shaped.
      return `/case-types?unit=${encodeURIComponent(name)}`;
    case 'routingRule':
    case 'slaDefinition':
    case 'schedule':
    case 'notificationTemplate':
    case 'webhook':
    case 'flow':
      // Their designers come with the studio's next part; until then the publish overview lists them.
      return '/publish';
    default: {
      const never: never = kind;
      throw new Error(`no designer for kind ${String(never)}`);
    }
  }
}

/** The snapshot key of a kind, e.g. `acls` for `acl`. */
export function snapshotKeyOf(kind: KindName): SnapshotKey {
  return METADATA_KINDS.find((k) => k.kind === kind)!.key;
}

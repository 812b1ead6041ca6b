/** One incident of the page in a shape every target can be mapped to. */
interface PageRow {
  number: string;
  shortDescription: string;
  priority: number;
  state: string;
  openedAt: number;
  caller: string;
  group: string;
  entries: string[];
}

/** Maps a response body (Atrium's/the floor's shape, or PostGraphile's naming) to comparable rows. */
export function pageRows(body: string): PageRow[] {
  const json = JSON.parse(body) as { data?: any; errors?: unknown };
  if (json.errors || !json.data) throw new Error(`the answer has errors: ${body.slice(0, 1000)}`);
  const atriumShape = 'incidents' in json.data;
  const nodes: any[] = atriumShape ? json.data.incidents.nodes : json.data.allIncidents.nodes;
  return nodes.map((n) => {
    const caller = atriumShape ? n.caller : n.personByCaller;
    const group = atriumShape ? n.assignmentGroup : n.assignmentGroupByAssignmentGroup;
    const entries: any[] = atriumShape ? n.journalEntries.nodes : n.journalEntriesByRecord.nodes;
    return {
      number: n.number,
      shortDescription: n.shortDescription,
      priority: n.priority,
      // Atrium shows choice values as enum values (IN_PROGRESS); PostGraphile shows the stored text.
      state: String(n.state).toUpperCase(),
      openedAt: Date.parse(n.openedAt),
      caller: `${caller?.name}|${caller?.email}`,
      group: group?.name,
      entries: entries.map((e) => `${Date.parse(e.writtenAt)}|${(atriumShape ? e.author : e.personByAuthor)?.name}|${e.body}`),
    };
  });
}

/**
 * Asserts that two answers hold the same 50 incidents in the same order, with the same values and the same
 * newest journal entries; returns the incident numbers.
 */
export function assertSamePage(reference: { name: string; body: string }, other: { name: string; body: string }): string[] {
  const a = pageRows(reference.body);
  const b = pageRows(other.body);
  if (a.length !== 50) throw new Error(`${reference.name} returned ${a.length} incidents, expected 50`);
  const numbersA = a.map((r) => r.number).join(',');
  const numbersB = b.map((r) => r.number).join(',');
  if (numbersA !== numbersB) throw new Error(`${other.name} and ${reference.name} return different incidents:\n${numbersB}\n${numbersA}`);
  for (let i = 0; i < a.length; i++) {
    const x = JSON.stringify(a[i]);
    const y = JSON.stringify(b[i]);
    if (x !== y) throw new Error(`${other.name} differs from ${reference.name} at incident ${i} (${a[i].number}):\n${y}\n${x}`);
  }
  for (const r of a) if (r.priority > 3) throw new Error(`${reference.name} returned ${r.number} with priority ${r.priority}`);
  for (let i = 1; i < a.length; i++) if (a[i].openedAt >= a[i - 1].openedAt) throw new Error(`${reference.name} is not ordered by opened_at desc at ${i}`);
  const sevens = a.filter((r) => r.entries.length === 5).length;
  if (!sevens) throw new Error(`${reference.name}: no incident shows 5 entries — "first: 5" was never tested`);
  return a.map((r) => r.number);
}

/** What the check of one persona's page found. */
export interface PersonaPageCheck {
  incidents: string[];
  /** Atrium's body is byte for byte the hand-written statement's. */
  byteIdentical: boolean;
  /** Where they first differ, when they do (equal in value): offset and both sides around it. */
  firstDifference?: string;
  /** Incidents whose caller / assignment group the persona may not read (null in the page). */
  hiddenCallers: number;
  hiddenGroups: number;
  /** Journal entries shown, and how many of them with a hidden author. */
  entries: number;
  hiddenAuthors: number;
  /** Incidents on the page shown with no journal entries. */
  withoutEntries: number;
}

/**
 * Asserts that Atrium's page for a persona is the one the hand-written statement (persona-queries.ts) builds:
 * byte-identical, or else the first difference is reported. Then checks what the rules imply, independently of
 * both: 50 incidents newest first with priority ≤ 3, some with 5 entries, and per persona what may be hidden.
 */
export function assertPersonaPage(
  persona: 'agent' | 'contact',
  expected: { name: string; body: string },
  actual: { name: string; body: string },
  groupNames: readonly string[],
): PersonaPageCheck {
  const byteIdentical = expected.body === actual.body;
  if (!byteIdentical) {
    const a = pageRows(expected.body);
    const b = pageRows(actual.body);
    if (a.map((r) => r.number).join(',') !== b.map((r) => r.number).join(','))
      throw new Error(`${actual.name} and ${expected.name} return different incidents:\n${b.map((r) => r.number).join(',')}\n${a.map((r) => r.number).join(',')}`);
    for (let i = 0; i < a.length; i++) {
      const x = JSON.stringify(a[i]);
      const y = JSON.stringify(b[i]);
      if (x !== y) throw new Error(`${actual.name} differs from ${expected.name} at incident ${i} (${a[i].number}):\n${y}\n${x}`);
    }
    if (JSON.stringify(JSON.parse(expected.body)) !== JSON.stringify(JSON.parse(actual.body)))
      throw new Error(`${actual.name} differs from ${expected.name} beyond the compared values:\n${actual.body.slice(0, 1500)}\n${expected.body.slice(0, 1500)}`);
  }
  const nodes: any[] = (JSON.parse(actual.body) as { data: { incidents: { nodes: any[] } } }).data.incidents.nodes;
  const rows = pageRows(actual.body);
  if (rows.length !== 50) throw new Error(`${actual.name} returned ${rows.length} incidents, expected 50`);
  for (const r of rows) if (r.priority > 3) throw new Error(`${actual.name} returned ${r.number} with priority ${r.priority}`);
  for (let i = 1; i < rows.length; i++) if (rows[i].openedAt >= rows[i - 1].openedAt) throw new Error(`${actual.name} is not ordered by opened_at desc at ${i}`);
  if (!nodes.some((n) => n.journalEntries.nodes.length === 5)) throw new Error(`${actual.name}: no incident shows 5 entries — "first: 5" was never tested`);
  const entries = nodes.flatMap((n) => n.journalEntries.nodes as any[]);
  const check: PersonaPageCheck = {
    incidents: rows.map((r) => r.number),
    byteIdentical,
    firstDifference: byteIdentical ? undefined : firstDifference(expected.body, actual.body),
    hiddenCallers: nodes.filter((n) => n.caller === null).length,
    hiddenGroups: nodes.filter((n) => n.assignmentGroup === null).length,
    entries: entries.length,
    hiddenAuthors: entries.filter((e) => e.author === null).length,
    withoutEntries: nodes.filter((n) => !n.journalEntries.nodes.length).length,
  };
  const fail = (what: string) => {
    throw new Error(`${actual.name}: ${what} (${JSON.stringify({ ...check, incidents: undefined })})`);
  };
  const groups = new Set(groupNames);
  if (persona === 'agent') {
    // Agents read every user and group; an incident outside their groups is theirs by assignment, its journal is not shown.
    if (check.hiddenCallers || check.hiddenGroups || check.hiddenAuthors) fail('an agent sees every user and group');
    const inGroups = nodes.filter((n) => groups.has(n.assignmentGroup.name));
    if (inGroups.length < 40) fail(`only ${inGroups.length} of 50 incidents are in the agent's groups`);
    for (const n of nodes) if (groups.has(n.assignmentGroup.name) !== n.journalEntries.nodes.length > 0) fail(`${n.number}: the journal is shown exactly for incidents of the agent's groups`);
  } else {
    // Contacts see the callers of their account tree, no groups, and only the authors within their account tree.
    if (check.hiddenCallers) fail('a contact sees the callers of the incidents it sees');
    if (check.hiddenGroups !== 50) fail('a contact sees no assignment group');
    if (check.withoutEntries) fail('a contact sees the journal of the incidents it sees');
    if (!check.hiddenAuthors) fail('no author is hidden, so the author rule was never tested');
  }
  return check;
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `at ${i} of ${a.length}/${b.length}: expected ${JSON.stringify(a.slice(Math.max(0, i - 30), i + 30))}, got ${JSON.stringify(b.slice(Math.max(0, i - 30), i + 30))}`;
}

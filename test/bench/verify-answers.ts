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
    const entries: any[] = atriumShape ? n.journalEntries.nodes : n.journalEntriesByIncident.nodes;
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

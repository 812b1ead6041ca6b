import { describe, expect, it } from 'vitest';
import { EMPTY_SNAPSHOT, FlowDoc, validateSnapshot, type MetadataSnapshot } from '../../../schema/index.js';

const NAME = [{ name: 'name', label: 'Name', type: 'string' as const }];
const STATES = ['new', 'assess', 'authorize', 'scheduled', 'closed'] as const;

/**
 * A change with a state model (new → assess → authorize → scheduled → closed), a requester, an account, a group
 * field and a risk; a plain note type with neither state model nor assignment; a schedule and a template.
 */
const world = (flows: FlowDoc[], over: Partial<MetadataSnapshot> = {}): MetadataSnapshot => ({
  ...EMPTY_SNAPSHOT,
  recordTypes: {
    person: { name: 'person', label: 'Person', fields: [...NAME, { name: 'manager', label: 'Manager', type: 'reference', reference: 'person' }] },
    assignment_group: { name: 'assignment_group', label: 'Group', fields: NAME },
    account: { name: 'account', label: 'Account', fields: [...NAME, { name: 'approver', label: 'Approver', type: 'reference', reference: 'person' }] },
    task: {
      name: 'task',
      label: 'Task',
      abstract: true,
      fields: [
        { name: 'short_description', label: 'Short description', type: 'string' },
        { name: 'state', label: 'State', type: 'choice', choices: [{ value: 'new', label: 'New' }] },
        { name: 'priority', label: 'Priority', type: 'integer' },
        { name: 'assigned_to', label: 'Assigned to', type: 'reference', reference: 'person' },
        { name: 'assignment_group', label: 'Group', type: 'reference', reference: 'assignment_group' },
      ],
    },
    change: {
      name: 'change',
      label: 'Change',
      extends: 'task',
      fields: [
        { name: 'risk', label: 'Risk', type: 'choice', choices: [{ value: 'low', label: 'Low' }, { value: 'moderate', label: 'Moderate' }, { value: 'high', label: 'High' }] },
        { name: 'requested_by', label: 'Requested by', type: 'reference', reference: 'person' },
        { name: 'account', label: 'Account', type: 'reference', reference: 'account' },
        { name: 'cab', label: 'CAB', type: 'reference', reference: 'assignment_group' },
        { name: 'approved', label: 'Approved', type: 'boolean' },
        { name: 'planned_start', label: 'Planned start', type: 'datetime' },
      ],
    },
    note: { name: 'note', label: 'Note', fields: [{ name: 'body', label: 'Body', type: 'text' }] },
  },
  stateModels: {
    change: {
      name: 'change',
      recordType: 'change',
      field: 'state',
      initial: 'new',
      states: STATES.map((s) => ({ name: s, label: s, category: s === 'new' ? 'new' : s === 'closed' ? 'closed' : 'in_progress' })),
      transitions: [],
      retired: [],
    },
  },
  schedules: { office: { name: 'office', timeZone: 'Europe/Berlin', hours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }], holidays: [] } },
  notificationTemplates: { change_approved: { name: 'change_approved', recordType: 'change', subject: 'Approved {{record.number}}', body: 'Go ahead.' } },
  flows: Object.fromEntries(flows.map((f) => [f.name, f])),
  ...over,
});

type NodeInput = Record<string, unknown> & { id: string; kind: string };
/** Edges written `from>to` or `from:port>to`. */
function flow(nodes: NodeInput[], edges: string[], over: Record<string, unknown> = {}): FlowDoc {
  return FlowDoc.parse({
    name: 'cab',
    trigger: { recordType: 'change', on: 'transition', to: ['authorize'] },
    nodes,
    edges: edges.map((e) => {
      const [from, to] = e.split('>');
      const [f, port] = from.split(':');
      return port ? { from: f, to, port } : { from: f, to };
    }),
    ...over,
  });
}
const problems = (...flows: FlowDoc[]) => validateSnapshot(world(flows)).map((p) => `${p.code} ${p.path}: ${p.message}`);

const start = { id: 'start', kind: 'start' };
const approved = { id: 'approved', kind: 'end', outcome: 'approved' };
const rejected = { id: 'rejected', kind: 'end', outcome: 'rejected' };
const ask = (id: string, over: Record<string, unknown> = {}) => ({ id, kind: 'approval', approvers: [{ group: 'CAB' }], ...over });
const act = (id: string, action: Record<string, unknown>) => ({ id, kind: 'action', action });
/** start → approval → approved | rejected: the smallest valid flow, to vary one thing at a time. */
const simple = (node: NodeInput = ask('ask'), over: Record<string, unknown> = {}) =>
  flow([start, node, approved, rejected], ['start>ask', 'ask:approved>approved', 'ask:rejected>rejected'].map((e) => e.replaceAll('ask', node.id)), over);
/** start → node → approved. */
const through = (node: NodeInput, over: Record<string, unknown> = {}) => flow([start, node, approved], [`start>${node.id}`, `${node.id}>approved`], over);

describe('a valid flow', () => {
  it('passes: risk branches, a parallel technical and business approval joined, a reminder loop through a timer, a subflow, actions of every kind', () => {
    const cab = flow(
      [
        start,
        { id: 'risk', kind: 'condition', label: 'Risk?', branches: [{ id: 'low', condition: { field: 'risk', op: 'eq', value: 'low' } }, { id: 'high', condition: { field: 'risk', op: 'eq', value: 'high' } }] },
        act('auto', { kind: 'transition', to: 'scheduled' }),
        { id: 'split', kind: 'parallel' },
        ask('technical', { approvers: [{ field: 'cab' }, { field: 'assignment_group' }], policy: { kind: 'all' } }),
        ask('business', { approvers: [{ manager: { levels: 1 } }, { accountApprover: {} }], due: { after: 'P2D', schedule: 'office', onExpiry: 'escalate', escalateTo: [{ role: 'cab_chair' }] } }),
        { id: 'both', kind: 'join', mode: 'all' },
        ask('board', { approvers: [{ group: 'CAB' }], policy: { kind: 'percentage', percent: 60 }, due: { after: 'P2D', onExpiry: 'reject' } }),
        { id: 'wait', kind: 'timer', after: 'PT4H', schedule: 'office', until: { field: 'approved', op: 'eq', value: true } },
        { id: 'recheck', kind: 'condition', branches: [{ id: 'done', condition: { field: 'approved', op: 'eq', value: true } }] },
        { id: 'checks', kind: 'subflow', flow: 'security_review' },
        act('schedule', { kind: 'transition', to: 'scheduled' }),
        act('mark', { kind: 'set_fields', values: { approved: true, priority: 2, risk: 'moderate', assignment_group: '42' } }),
        act('route', { kind: 'assign', group: 'Change Management' }),
        act('tell', { kind: 'notify', to: [{ requester: true }, { field: 'assigned_to' }, { group: 'CAB' }], template: 'change_approved' }),
        act('followup', { kind: 'create_task', recordType: 'change', values: { short_description: 'Post-implementation review', risk: 'low' } }),
        act('back', { kind: 'transition', to: 'assess' }),
        approved,
        rejected,
      ],
      [
        'start>risk',
        'risk:low>auto',
        'risk:high>split',
        'risk:default>split',
        'auto>approved',
        'split>technical',
        'split>business',
        'technical:approved>both',
        'technical:rejected>back',
        'business:approved>both',
        'business:rejected>back',
        'both>board',
        'board:approved>checks',
        'board:rejected>wait',
        'wait>recheck',
        'recheck:done>checks',
        'recheck:default>board',
        'checks:approved>schedule',
        'checks:rejected>back',
        'schedule>mark',
        'mark>route',
        'route>tell',
        'tell>followup',
        'followup>approved',
        'back>rejected',
      ],
      { trigger: { recordType: 'change', on: 'transition', from: ['assess'], to: ['authorize'], requesterField: 'requested_by', condition: { field: 'priority', op: 'lte', value: 3 } } },
    );
    const review = simple(ask('security'), { name: 'security_review', trigger: { recordType: 'change', on: 'update', condition: { field: 'risk', op: 'eq', value: 'high' } } });
    expect(problems(cab, review)).toEqual([]);
  });
});

describe('the trigger', () => {
  it('refuses a record type that does not exist', () => {
    expect(problems(simple(undefined, { trigger: { recordType: 'gadget', on: 'create' } }))).toEqual([
      'UNKNOWN_TYPE flows.cab.recordType: flow "cab" is about record type "gadget", which does not exist',
    ]);
  });

  it('refuses a transition trigger without "to", and from/to/stateField on other triggers', () => {
    expect(problems(simple(undefined, { trigger: { recordType: 'change', on: 'transition' } }))).toEqual([
      'INVALID_DOCUMENT flows.cab.trigger.to: flow "cab" starts on a transition but names no state it moves to; list the state(s) in "to"',
    ]);
    expect(problems(simple(undefined, { trigger: { recordType: 'change', on: 'create', to: ['assess'] } }))).toEqual([
      'INVALID_DOCUMENT flows.cab.trigger.to: flow "cab" starts on create, which does not use "to"; remove it or start the flow on a transition',
    ]);
  });

  it('refuses states that are not states of the model, and a state field that is not a choice field', () => {
    expect(problems(simple(undefined, { trigger: { recordType: 'change', on: 'transition', from: ['draft'], to: ['approved'] } }))).toEqual([
      'INVALID_DOCUMENT flows.cab.trigger.from.0: flow "cab" starts on a move from "draft", which is not a state of "change" (new, assess, authorize, scheduled, closed)',
      'INVALID_DOCUMENT flows.cab.trigger.to.0: flow "cab" starts on a move to "approved", which is not a state of "change" (new, assess, authorize, scheduled, closed)',
    ]);
    expect(problems(simple(undefined, { trigger: { recordType: 'change', on: 'transition', stateField: 'priority', to: ['authorize'] } }))).toEqual([
      'INVALID_FIELD flows.cab.trigger.stateField: flow "cab" starts when "priority" of "change" changes, but it is an integer field; name the type\'s state field (a choice field)',
    ]);
  });

  it('refuses an invalid condition, and one that tests through a reference', () => {
    expect(problems(simple(undefined, { trigger: { recordType: 'change', on: 'create', condition: { field: 'urgency', op: 'eq', value: 1 } } }))).toEqual([
      expect.stringMatching(/^INVALID_CONDITION flows\.cab\.trigger\.condition\.field: flow "cab"'s trigger: .*urgency/),
    ]);
    expect(problems(simple(undefined, { trigger: { recordType: 'change', on: 'create', condition: { field: 'requested_by.name', op: 'eq', value: 'Ada' } } }))).toEqual([
      'INVALID_CONDITION flows.cab.trigger.condition.field: flow "cab"\'s trigger tests "requested_by.name", a path through a reference; a flow tests the record\'s own fields (it is evaluated on the record as written)',
    ]);
  });

  it('refuses a requester field that is not a reference to a person', () => {
    expect(problems(simple(undefined, { trigger: { recordType: 'change', on: 'create', requesterField: 'account' } }))).toEqual([
      'INVALID_FIELD flows.cab.trigger.requesterField: flow "cab" acts for the person in "account", which is a reference to "account"; name a reference field to a person',
    ]);
  });
});

describe('the graph', () => {
  it('refuses a flow without a start, and a second start', () => {
    expect(problems(flow([ask('ask'), approved, rejected], ['ask:approved>approved', 'ask:rejected>rejected']))).toEqual([
      'INVALID_DOCUMENT flows.cab.nodes: flow "cab" has no start node; add one and connect it to the first step',
    ]);
    expect(problems(flow([start, { id: 'again', kind: 'start', label: 'Again' }, approved], ['start>approved', 'again>approved']))).toEqual([
      'INVALID_DOCUMENT flows.cab.nodes.1: start "again" ("Again") is a second start; a flow has exactly one (the first is "start")',
    ]);
  });

  it('refuses a duplicate node id', () => {
    expect(problems(flow([start, approved, { id: 'approved', kind: 'end', outcome: 'rejected' }], ['start>approved']))).toEqual([
      'DUPLICATE_NAME flows.cab.nodes.2.id: end "approved" reuses the id of node 1; give every node its own id (edges name nodes by id)',
    ]);
  });

  it('refuses an edge naming a missing node', () => {
    expect(problems(flow([start, approved], ['start>approved', 'ghost>approved', 'start>nowhere']))).toEqual([
      'INVALID_DOCUMENT flows.cab.edges.1.from: edge 1 leaves node "ghost", which does not exist in flow "cab"',
      'INVALID_DOCUMENT flows.cab.edges.2.to: edge 2 enters node "nowhere", which does not exist in flow "cab"',
    ]);
  });

  it('refuses an edge out of an end, and one into the start', () => {
    expect(problems(flow([start, act('a', { kind: 'transition', to: 'assess' }), approved], ['start>a', 'a>approved', 'approved>a']))).toEqual([
      'INVALID_DOCUMENT flows.cab.edges.2: edge 2 leaves end "approved"; an end node finishes the flow and has no outgoing edges',
    ]);
    expect(problems(flow([start, ask('ask'), approved], ['start>ask', 'ask:approved>approved', 'ask:rejected>start']))).toEqual([
      'INVALID_DOCUMENT flows.cab.edges.2: edge 2 enters start "start"; nothing leads back to the start (loop to the step after it instead)',
      'INVALID_DOCUMENT flows.cab.nodes.1: approval "ask" has no edge for "rejected"; connect every outcome to the next step',
    ]);
  });

  it('refuses a port the node kind does not have, a missing port, and a second edge on one port', () => {
    expect(problems(flow([start, approved], ['start:yes>approved']))).toEqual([
      'INVALID_DOCUMENT flows.cab.edges.0.port: edge 0 leaves start "start" on port "yes", but a start node has no ports; remove the port',
      'INVALID_DOCUMENT flows.cab.nodes.0: start "start" has no outgoing edge; connect it to the next step',
      'INVALID_DOCUMENT flows.cab.nodes.1: end "approved" is not reachable from the start; connect it or remove it',
    ]);
    expect(problems(flow([start, ask('ask'), approved, rejected], ['start>ask', 'ask:approved>approved', 'ask:maybe>rejected', 'ask>rejected']))).toEqual([
      'INVALID_DOCUMENT flows.cab.edges.2.port: edge 2 leaves approval "ask" on port "maybe", which it does not have; use one of approved, rejected',
      'INVALID_DOCUMENT flows.cab.edges.3.port: edge 3 leaves approval "ask" without a port; say which outcome it follows: approved, rejected',
      'INVALID_DOCUMENT flows.cab.nodes.1: approval "ask" has no edge for "rejected"; connect every outcome to the next step',
      'INVALID_DOCUMENT flows.cab.nodes.3: end "rejected" is not reachable from the start; connect it or remove it',
    ]);
    expect(problems(flow([start, ask('ask'), approved, rejected], ['start>ask', 'ask:approved>approved', 'ask:rejected>rejected', 'ask:approved>rejected']))).toEqual([
      'INVALID_DOCUMENT flows.cab.edges.3.port: edge 3 is a second edge out of approval "ask" on port "approved"; an outcome leads to one step',
    ]);
  });

  it('refuses a condition without a default branch edge, and a branch that leads nowhere', () => {
    const risk = { id: 'risk', kind: 'condition', label: 'Risk?', branches: [{ id: 'low', condition: { field: 'risk', op: 'eq', value: 'low' } }, { id: 'high', condition: { field: 'risk', op: 'eq', value: 'high' } }] };
    expect(problems(flow([start, risk, approved, rejected], ['start>risk', 'risk:low>approved', 'risk:high>rejected']))).toEqual([
      'INVALID_DOCUMENT flows.cab.nodes.1: condition "risk" ("Risk?") has no default branch; connect its "default" port to the step taken when no branch holds',
    ]);
    expect(problems(flow([start, risk, approved, rejected], ['start>risk', 'risk:low>approved', 'risk:default>rejected']))).toEqual([
      'INVALID_DOCUMENT flows.cab.nodes.1.branches.1: condition "risk" ("Risk?"): branch "high" leads nowhere; connect its port to the next step',
    ]);
  });

  it('refuses an approval or a subflow without both outcomes', () => {
    expect(problems(flow([start, ask('ask', { label: 'CAB' }), approved], ['start>ask', 'ask:approved>approved']))).toEqual([
      'INVALID_DOCUMENT flows.cab.nodes.1: approval "ask" ("CAB") has no edge for "rejected"; connect every outcome to the next step',
    ]);
    const other = simple(undefined, { name: 'other' });
    expect(problems(flow([start, { id: 'sub', kind: 'subflow', flow: 'other' }, approved], ['start>sub']), other)).toEqual([
      'INVALID_DOCUMENT flows.cab.nodes.1: subflow "sub" has no edge for "approved" or "rejected"; connect every outcome to the next step',
      'INVALID_DOCUMENT flows.cab.nodes.2: end "approved" is not reachable from the start; connect it or remove it',
    ]);
  });

  it('refuses start, action, timer and join without exactly one outgoing edge, and a split with fewer than two', () => {
    const a = act('a', { kind: 'transition', to: 'assess' });
    expect(problems(flow([start, a, approved, rejected], ['start>a', 'a>approved', 'a>rejected']))).toEqual([
      'INVALID_DOCUMENT flows.cab.nodes.1: action "a" has 2 outgoing edges; an action node goes on along exactly one (use a parallel split to run branches at once)',
    ]);
    expect(problems(flow([start, { id: 't', kind: 'timer', after: 'PT1H' }, approved], ['start>t']))).toEqual([
      'INVALID_DOCUMENT flows.cab.nodes.1: timer "t" has no outgoing edge; connect it to the next step',
      'INVALID_DOCUMENT flows.cab.nodes.2: end "approved" is not reachable from the start; connect it or remove it',
    ]);
    expect(problems(flow([start, { id: 'split', kind: 'parallel' }, ask('x'), { id: 'j', kind: 'join' }, approved, rejected], ['start>split', 'split>x', 'x:approved>j', 'x:rejected>rejected', 'j>approved']))).toEqual([
      'INVALID_DOCUMENT flows.cab.nodes.1: parallel "split" has 1 outgoing edge; a parallel split starts at least two branches',
    ]);
  });

  it('refuses unreachable nodes and nodes with no path to an end', () => {
    expect(problems(flow([start, approved, act('orphan', { kind: 'transition', to: 'assess' })], ['start>approved', 'orphan>approved']))).toEqual([
      'INVALID_DOCUMENT flows.cab.nodes.2: action "orphan" is not reachable from the start; connect it or remove it',
    ]);
    // An approval that keeps asking again on rejection never ends that way, but its approval still has a way out.
    const stuck = flow([start, ask('ask'), ask('again'), approved], ['start>ask', 'ask:approved>approved', 'ask:rejected>again', 'again:approved>again', 'again:rejected>again']);
    expect(problems(stuck)).toEqual(['INVALID_DOCUMENT flows.cab.nodes.2: approval "again" has no path to an end; a token there could never finish the flow']);
  });

  it('refuses a join reached outside any split, and one joining branches of two splits', () => {
    const x = act('x', { kind: 'transition', to: 'assess' });
    expect(problems(flow([start, x, { id: 'j', kind: 'join', label: 'Both' }, approved], ['start>x', 'x>j', 'j>approved']))).toEqual([
      'INVALID_DOCUMENT flows.cab.nodes.2: join "j" ("Both") is reached by a path that passes no parallel split; a join closes the branches of one split',
    ]);
    const risk = { id: 'risk', kind: 'condition', branches: [{ id: 'low', condition: { field: 'risk', op: 'eq', value: 'low' } }] };
    const twoSplits = flow(
      [start, risk, { id: 'p1', kind: 'parallel' }, { id: 'p2', kind: 'parallel' }, ask('a'), ask('b'), ask('c'), ask('d'), { id: 'j', kind: 'join' }, approved, rejected],
      ['start>risk', 'risk:low>p1', 'risk:default>p2', 'p1>a', 'p1>b', 'p2>c', 'p2>d', ...['a', 'b', 'c', 'd'].flatMap((n) => [`${n}:approved>j`, `${n}:rejected>rejected`]), 'j>approved'],
    );
    expect(problems(twoSplits)).toEqual([
      'INVALID_DOCUMENT flows.cab.nodes.8: join "j" joins branches of several splits ("p1", "p2"); every path into a join must come from one parallel split',
    ]);
  });

  it('refuses a loop with no timer or approval in it, and accepts one through a timer', () => {
    const again = { id: 'again', kind: 'condition', label: 'Again?', branches: [{ id: 'yes', condition: { field: 'risk', op: 'eq', value: 'high' } }] };
    const spin = flow([start, act('bump', { kind: 'set_fields', values: { priority: 1 } }), again, approved], ['start>bump', 'bump>again', 'again:yes>bump', 'again:default>approved']);
    expect(problems(spin)).toEqual([
      'INVALID_DOCUMENT flows.cab.nodes.1: action "bump" is in a loop ("bump", "again") with no timer or approval in it; a token could go round it forever — add a timer or an approval to the loop, or break it',
    ]);
    const paced = flow(
      [start, act('bump', { kind: 'set_fields', values: { priority: 1 } }), { id: 'wait', kind: 'timer', after: 'PT1H' }, again, approved],
      ['start>bump', 'bump>wait', 'wait>again', 'again:yes>bump', 'again:default>approved'],
    );
    expect(problems(paced)).toEqual([]);
  });
});

describe('what nodes say', () => {
  it('refuses an approval without approvers (the schema), but not unknown users, groups or roles (data, flagged by simulation)', () => {
    expect(FlowDoc.safeParse({ ...simple(), nodes: [start, { id: 'ask', kind: 'approval', approvers: [] }, approved, rejected] }).success).toBe(false);
    expect(problems(simple(ask('ask', { approvers: [{ user: 'nobody.here' }, { group: 'No Such Group' }, { role: 'no_such_role' }] })))).toEqual([]);
  });

  it('refuses an approver field that is not a reference to a person or a group, and an account approver not through an account', () => {
    expect(problems(simple(ask('ask', { label: 'Owner', approvers: [{ field: 'risk' }, { field: 'nope' }, { accountApprover: { field: 'requested_by' } }] })))).toEqual([
      'INVALID_FIELD flows.cab.nodes.1.approvers.0.field: approval "ask" ("Owner") asks the approver in "risk", which is a choice field; name a reference field to a person or an assignment_group',
      'INVALID_FIELD flows.cab.nodes.1.approvers.1.field: approval "ask" ("Owner") asks the approver in "nope", which is not a field of "change"; name a reference field to a person or an assignment_group',
      'INVALID_FIELD flows.cab.nodes.1.approvers.2.accountApprover.field: approval "ask" ("Owner") asks the designated approver of the account in "requested_by", which is a reference to "person"; name a reference field to an account',
    ]);
  });

  it('refuses an escalation to nobody, an escalation list without escalation, and an unknown schedule', () => {
    expect(problems(simple(ask('ask', { due: { after: 'P2D', onExpiry: 'escalate', schedule: 'night' } })))).toEqual([
      'INVALID_DOCUMENT flows.cab.nodes.1.due.escalateTo: approval "ask" escalates when due but names nobody to escalate to; list the approvers in "escalateTo"',
      'INVALID_DOCUMENT flows.cab.nodes.1.due.schedule: approval "ask" counts business time on schedule "night", which does not exist; create it, or leave the schedule out to count every hour',
    ]);
    expect(problems(simple(ask('ask', { due: { after: 'P2D', onExpiry: 'approve', escalateTo: [{ field: 'cab' }] } })))).toEqual([
      'INVALID_DOCUMENT flows.cab.nodes.1.due.escalateTo: approval "ask" lists "escalateTo", but on expiry it will approve; set onExpiry to escalate or remove the list',
    ]);
  });

  it('refuses a timer with neither "after" nor "until", an unknown schedule and a bad "until"', () => {
    expect(problems(through({ id: 'wait', kind: 'timer', label: 'Cool off' }))).toEqual([
      'INVALID_DOCUMENT flows.cab.nodes.1: timer "wait" ("Cool off") waits for nothing; give a duration ("after", e.g. PT4H) or a condition to wait "until"',
    ]);
    expect(problems(through({ id: 'wait', kind: 'timer', schedule: 'night', until: { field: 'colour', op: 'eq', value: 'red' } }))).toEqual([
      expect.stringMatching(/^INVALID_CONDITION flows\.cab\.nodes\.1\.until\.field: timer "wait"'s "until": .*colour/),
      'INVALID_DOCUMENT flows.cab.nodes.1.schedule: timer "wait" counts business time on schedule "night", which does not exist; create it, or leave the schedule out to count every hour',
    ]);
  });

  it('refuses set_fields with unknown fields, system fields, the state field and values of the wrong shape', () => {
    const values = { colour: 'red', number: 'CHG1', state: 'closed', priority: 'high', approved: 'yes', risk: 'extreme' };
    expect(problems(through(act('set', { kind: 'set_fields', values })))).toEqual([
      'INVALID_FIELD flows.cab.nodes.1.action.values.colour: action "set" sets "colour", which is not a field of "change"',
      'INVALID_FIELD flows.cab.nodes.1.action.values.number: action "set" sets "number", a system field the platform maintains; remove it',
      'INVALID_FIELD flows.cab.nodes.1.action.values.state: action "set" sets "state", the state field of "change"; move the record with a transition action so the state model\'s rules apply',
      'INVALID_FIELD flows.cab.nodes.1.action.values.priority: action "set" sets integer field "priority" to "high", which is not an integer value',
      'INVALID_FIELD flows.cab.nodes.1.action.values.approved: action "set" sets boolean field "approved" to "yes", which is not a boolean value',
      'INVALID_FIELD flows.cab.nodes.1.action.values.risk: action "set" sets "risk" to "extreme", which is not one of its choices (low, moderate, high)',
    ]);
  });

  it('refuses a transition to a state not in the model, or on a type without one', () => {
    expect(problems(through(act('go', { kind: 'transition', to: 'approved' })))).toEqual([
      'INVALID_DOCUMENT flows.cab.nodes.1.action.to: action "go" moves the record to "approved", which is not a state of "change" (new, assess, authorize, scheduled, closed)',
    ]);
    expect(problems(through(act('go', { kind: 'transition', to: 'done' }), { trigger: { recordType: 'note', on: 'create' } }))).toEqual([
      'INVALID_DOCUMENT flows.cab.nodes.1.action.to: action "go" moves the record to "done", but "note" has no state model; set the field with set_fields instead',
    ]);
  });

  it('refuses an assignment to nobody, or on a type without assignment fields', () => {
    expect(problems(through(act('route', { kind: 'assign' })))).toEqual(['INVALID_DOCUMENT flows.cab.nodes.1.action: action "route" assigns to nobody; name a group, a user or both']);
    expect(problems(through(act('route', { kind: 'assign', group: 'CAB' }), { trigger: { recordType: 'note', on: 'create' } }))).toEqual([
      'INVALID_FIELD flows.cab.nodes.1.action.group: action "route" assigns a group, but "note" has no assignment_group reference to assignment_group; assign a type that extends task',
    ]);
  });

  it('refuses a notification with an unknown template, with neither template nor subject, or to a field that names no one', () => {
    expect(problems(through(act('tell', { kind: 'notify', to: [{ requester: true }], template: 'nope' })))).toEqual([
      'INVALID_DOCUMENT flows.cab.nodes.1.action.template: action "tell" notifies with template "nope", which does not exist; create it or give a subject and body',
    ]);
    expect(problems(through(act('tell', { kind: 'notify', to: [{ field: 'risk' }] })))).toEqual([
      'INVALID_DOCUMENT flows.cab.nodes.1.action: action "tell" sends a message without a template or a subject; name a template or write a subject and body',
      'INVALID_FIELD flows.cab.nodes.1.action.to.0.field: action "tell" notifies "risk", which is a choice field; name a reference field to a person or an assignment_group',
    ]);
  });

  it('refuses a task of an unknown or abstract record type, or with unknown fields', () => {
    expect(problems(through(act('t', { kind: 'create_task', recordType: 'chore' })))).toEqual([
      'UNKNOWN_TYPE flows.cab.nodes.1.action.recordType: action "t" creates a "chore", which does not exist; name a record type records can be created of',
    ]);
    expect(problems(through(act('t', { kind: 'create_task', recordType: 'task' })))).toEqual([
      'UNKNOWN_TYPE flows.cab.nodes.1.action.recordType: action "t" creates a "task", which is abstract (only its kinds have records); name a record type records can be created of',
    ]);
    expect(problems(through(act('t', { kind: 'create_task', recordType: 'note', values: { title: 'x' } })))).toEqual([
      'INVALID_FIELD flows.cab.nodes.1.action.values.title: action "t" sets "title", which is not a field of "note"',
    ]);
  });

  it('refuses a subflow naming a missing flow, its own flow, or a circle of flows', () => {
    const sub = (flowName: string) => ({ id: 'sub', kind: 'subflow', label: 'Review', flow: flowName });
    expect(problems(simple(sub('ghost')))).toEqual([
      'INVALID_DOCUMENT flows.cab.nodes.1.flow: subflow "sub" ("Review") runs flow "ghost", which does not exist; create it or name another',
    ]);
    expect(problems(simple(sub('cab')))).toEqual(['INVALID_DOCUMENT flows.cab.nodes.1.flow: subflow "sub" ("Review") runs flow "cab", the flow it belongs to; a flow cannot run itself']);
    const a = simple(sub('b'), { name: 'a' });
    const b = simple(sub('c'), { name: 'b' });
    const c = simple(sub('a'), { name: 'c' });
    expect(problems(a, b, c)).toEqual([
      'INVALID_DOCUMENT flows.a.nodes.1.flow: subflow "sub" ("Review") of flow "a" runs "b", which runs "a" again (a → b → c → a); subflows must not call each other in a circle',
    ]);
  });

  it("refuses a condition node's invalid branch condition", () => {
    const check = { id: 'check', kind: 'condition', label: 'Check', branches: [{ id: 'odd', condition: { field: 'risk', op: 'gt', value: 'low' } }] };
    expect(problems(flow([start, check, approved], ['start>check', 'check:odd>approved', 'check:default>approved']))).toEqual([
      expect.stringMatching(/^INVALID_CONDITION flows\.cab\.nodes\.1\.branches\.0\.condition\.op: condition "check" \("Check"\), branch "odd": /),
    ]);
  });
});

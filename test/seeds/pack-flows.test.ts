import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildModel, EMPTY_SNAPSHOT, flowProblems, FlowDoc, validateSnapshot } from '../../schema/index.js';
import { DEMO_PACKS, readPack } from '../../seeds/load-pack.js';
import { identityFiles } from '../../server/metadata/identity-pack.js';
import { carryForward, importFiles } from '../../server/metadata/index.js';

/** Every pack with the platform's identity types, as `npm start` imports them. */
async function packSnapshot() {
  return carryForward(EMPTY_SNAPSHOT, importFiles([...(await identityFiles()), ...(await readPack(...DEMO_PACKS))]));
}

describe('the approval flows of the packs', () => {
  it('are read from each pack\'s flows/ folder', async () => {
    const files = (await readPack(...DEMO_PACKS)).filter((f) => f.path.startsWith('flows/')).map((f) => f.path);
    expect(files.sort()).toEqual(['flows/catalog_request_approval.yaml', 'flows/change_cab_approval.yaml', 'flows/expense_claim.yaml', 'flows/hr_onboarding.yaml']);
  });

  it('validate with the rest of the packs: no problem anywhere, none in a flow', async () => {
    const snapshot = await packSnapshot();
    expect(Object.keys(snapshot.flows).sort()).toEqual(['catalog_request_approval', 'change_cab_approval', 'expense_claim', 'hr_onboarding']);
    expect(validateSnapshot(snapshot)).toEqual([]);
    expect(flowProblems(buildModel(snapshot))).toEqual([]);
  });

  it('fail validation when a pack flow breaks (the check above can fail)', async () => {
    const snapshot = await packSnapshot();
    const cab = snapshot.flows.change_cab_approval;
    const broken = { ...cab, edges: cab.edges.filter((e) => !(e.from === 'risk' && e.port === 'default')) };
    expect(validateSnapshot({ ...snapshot, flows: { ...snapshot.flows, change_cab_approval: broken } })).toEqual([
      {
        path: 'flows.change_cab_approval.nodes.1',
        code: 'INVALID_DOCUMENT',
        message: 'condition "risk" ("Risk?") has no default branch; connect its "default" port to the step taken when no branch holds',
      },
      {
        path: 'flows.change_cab_approval.nodes.3',
        code: 'INVALID_DOCUMENT',
        message: 'parallel "moderate_split" ("Technical and business") is not reachable from the start; connect it or remove it',
      },
      expect.objectContaining({ path: 'flows.change_cab_approval.nodes.4', message: expect.stringContaining('is not reachable from the start') }),
      expect.objectContaining({ path: 'flows.change_cab_approval.nodes.5', message: expect.stringContaining('is not reachable from the start') }),
      expect.objectContaining({ path: 'flows.change_cab_approval.nodes.6', message: expect.stringContaining('is not reachable from the start') }),
    ]);
  });

  it('the change approval branches on risk, asks technical and business approval in parallel, and the CAB by 60 % for high risk', async () => {
    const cab = (await packSnapshot()).flows.change_cab_approval;
    expect(cab.trigger).toEqual({ recordType: 'change_request', on: 'transition', from: ['assess'], to: ['authorize'] });
    const node = (id: string) => cab.nodes.find((n) => n.id === id)!;
    const next = (id: string, port?: string) => cab.edges.filter((e) => e.from === id && e.port === port).map((e) => e.to);
    expect(next('risk', 'low')).toEqual(['pre_approved']);
    expect(node('pre_approved')).toMatchObject({ action: { kind: 'transition', to: 'scheduled' } });
    expect(next('moderate_split').sort()).toEqual(['business', 'technical']);
    expect(next('high_split').sort()).toEqual(['cab', 'high_business', 'high_technical']);
    expect(node('cab')).toMatchObject({ kind: 'approval', policy: { kind: 'percentage', percent: 60 }, due: { after: 'P2D', onExpiry: 'escalate' } });
    expect(next('send_back')).toEqual(['tell_rejected']);
    expect(node('send_back')).toMatchObject({ action: { kind: 'transition', to: 'assess' } });
  });
});

describe('the platform\'s contact registration flow', () => {
  it('parses as a flow and validates against the identity types: one approval by the account approver or an agent, first answer', async () => {
    const { readFile } = await import('node:fs/promises');
    const doc = FlowDoc.parse(parse(await readFile(new URL('../../schema/platform/flows/contact_registration.yaml', import.meta.url), 'utf8')));
    const snapshot = carryForward(EMPTY_SNAPSHOT, importFiles(await identityFiles()));
    expect(validateSnapshot({ ...snapshot, flows: { contact_registration: doc } })).toEqual([]);
    expect(doc.trigger).toEqual({ recordType: 'registration', on: 'create' });
    const approvals = doc.nodes.filter((n) => n.kind === 'approval');
    expect(approvals).toEqual([
      expect.objectContaining({ id: 'approval', approvers: [{ accountApprover: { field: 'account' } }, { role: 'agent' }], policy: { kind: 'first' }, ifNoApprovers: 'reject' }),
    ]);
    const ends = Object.fromEntries(doc.edges.filter((e) => e.from === 'approval').map((e) => [e.port, doc.nodes.find((n) => n.id === e.to)]));
    expect(ends).toEqual({ approved: expect.objectContaining({ kind: 'end', outcome: 'approved' }), rejected: expect.objectContaining({ kind: 'end', outcome: 'rejected' }) });
  });
});

import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ApprovalPersonView, ApprovalRequestRow } from '../../engines/flows/approval-request-rows.js';
import { approvalCursor, type ApprovalPage } from '../../engines/flows/my-approvals.js';
import { toGlobalId, type RecordSummary } from '../../records/index.js';
import { GraphQLDateTimeRfc3339 } from '../scalars.js';

type State = ApprovalRequestRow['state'];

export const ApprovalRequestStateEnum: Record<string, State> = { REQUESTED: 'requested', APPROVED: 'approved', REJECTED: 'rejected', NOT_REQUIRED: 'not_required', CANCELLED: 'cancelled' };
registerEnumType(ApprovalRequestStateEnum, {
  name: 'ApprovalRequestState',
  description: 'REQUESTED: waiting for a decision; APPROVED / REJECTED: decided; NOT_REQUIRED: the step was settled without it; CANCELLED: the flow was cancelled.',
});

@ObjectType('ApprovalPerson', { description: 'A person an approval request names.' })
export class ApprovalPersonGql {
  @Field(() => ID, { description: 'The global id of the person.' }) id!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => String, { nullable: true }) userName!: string | null;
}

@ObjectType('ApprovalRecordSummary', { description: 'The record an approval is about, as a list names it.' })
export class ApprovalRecordSummaryGql {
  @Field(() => ID, { description: 'The global id of the record.' }) id!: string;
  @Field(() => String, { description: 'Its record type (name).' }) type!: string;
  @Field(() => String, { description: "Its record type's label." }) typeLabel!: string;
  @Field(() => String, { nullable: true, description: 'Its number, when its type numbers records.' }) number!: string | null;
  @Field(() => String, { description: 'Its display value: the display field, else its number.' }) displayValue!: string;
  @Field(() => String, { nullable: true }) shortDescription!: string | null;
}

@ObjectType('ApprovalFlowRef', { description: 'The approval flow that asked, at the version its instance runs.' })
export class ApprovalFlowRefGql {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) label!: string | null;
  @Field(() => Int, { nullable: true, description: 'The metadata version the flow version was first run at.' }) version!: number | null;
}

@ObjectType('ApprovalNodeRef', { description: 'The approval step of the flow that asked.' })
export class ApprovalNodeRefGql {
  @Field(() => String) id!: string;
  @Field(() => String, { nullable: true }) label!: string | null;
}

@ObjectType('ApprovalPeer', { description: 'Another request of the same approval step: who else was asked, and what they decided.' })
export class ApprovalPeerGql {
  @Field(() => ID, { description: 'The global id of that approval.' }) id!: string;
  @Field(() => ApprovalRequestStateEnum) state!: State;
  @Field(() => ApprovalPersonGql, { nullable: true }) approver!: ApprovalPersonGql | null;
  @Field(() => ApprovalPersonGql, { nullable: true }) decidedBy!: ApprovalPersonGql | null;
  @Field(() => GraphQLDateTimeRfc3339, { nullable: true }) decidedAt!: Date | null;
}

@ObjectType('ApprovalRequest', { description: 'An approval asked of someone, with the record it is about and the flow step that asked.' })
export class ApprovalRequestGql {
  @Field(() => ID, { description: 'The global id of the approval record (what approve, reject and delegate take).' }) id!: string;
  @Field(() => ApprovalRequestStateEnum) state!: State;
  @Field(() => ApprovalRecordSummaryGql, { nullable: true, description: 'The record; null when you may not read it (recordHidden) or it no longer exists.' })
  record!: ApprovalRecordSummaryGql | null;
  @Field(() => Boolean, { description: 'True when the record exists but you may not read it: decide on what the request says, or ask for access.' })
  recordHidden!: boolean;
  @Field(() => String, { description: 'The record type of the record.' }) recordType!: string;
  @Field(() => ApprovalFlowRefGql, { nullable: true, description: 'The flow that asked; null for an approval asked outside a flow.' }) flow!: ApprovalFlowRefGql | null;
  @Field(() => ApprovalNodeRefGql, { nullable: true }) node!: ApprovalNodeRefGql | null;
  @Field(() => ApprovalPersonGql, { nullable: true, description: 'Who is asked.' }) approver!: ApprovalPersonGql | null;
  @Field(() => ApprovalPersonGql, { nullable: true, description: 'Who the request is for.' }) requester!: ApprovalPersonGql | null;
  @Field(() => ApprovalPersonGql, { nullable: true, description: 'Who was asked first, when it was delegated.' }) delegatedFrom!: ApprovalPersonGql | null;
  @Field(() => ApprovalPersonGql, { nullable: true }) decidedBy!: ApprovalPersonGql | null;
  @Field(() => GraphQLDateTimeRfc3339, { nullable: true }) decidedAt!: Date | null;
  @Field(() => String, { nullable: true }) comments!: string | null;
  @Field(() => GraphQLDateTimeRfc3339, { nullable: true }) dueAt!: Date | null;
  @Field(() => GraphQLDateTimeRfc3339) askedAt!: Date;
  @Field(() => [ApprovalPeerGql], { description: 'The other requests of the same step and their states.' }) others!: ApprovalPeerGql[];
}

@ObjectType('ApprovalRequestEdge')
export class ApprovalRequestEdgeGql {
  @Field(() => String) cursor!: string;
  @Field(() => ApprovalRequestGql) node!: ApprovalRequestGql;
}

@ObjectType('ApprovalRequestPageInfo')
export class ApprovalRequestPageInfoGql {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType('ApprovalRequestConnection', { description: 'Approval requests, the soonest due first (those with no due time last), then the oldest.' })
export class ApprovalRequestConnectionGql {
  @Field(() => [ApprovalRequestEdgeGql]) edges!: ApprovalRequestEdgeGql[];
  @Field(() => ApprovalRequestPageInfoGql) pageInfo!: ApprovalRequestPageInfoGql;
}

/** What a request needs besides its row: its record's summary (when readable), whether it exists, its peers. */
export interface ApprovalExtras {
  approvalGqlName: string;
  /** From `recordSummaries`: a readable record's summary, or 'hidden'. */
  summaries: Map<string, RecordSummary | 'hidden'>;
  peers: Map<string, ApprovalRequestRow[]>;
}

function person(row: ApprovalRequestRow, id: string | null): ApprovalPersonGql | null {
  if (!id) return null;
  const p: ApprovalPersonView | undefined = row.people[id];
  return { id: toGlobalId('Person', id), name: p?.name ?? null, userName: p?.userName ?? null };
}

/** A request row as the API shows it. */
export function approvalRequestGql(row: ApprovalRequestRow, extras: ApprovalExtras): ApprovalRequestGql {
  const key = `${row.recordType}:${row.recordId}`;
  const found = extras.summaries.get(key);
  const summary = found && found !== 'hidden' ? found : null;
  return {
    id: toGlobalId(extras.approvalGqlName, row.id),
    state: row.state,
    record: summary && { id: summary.id, type: summary.recordType, typeLabel: summary.typeLabel, number: summary.number, displayValue: summary.displayValue, shortDescription: summary.shortDescription },
    recordHidden: found === 'hidden',
    recordType: row.recordType,
    flow: row.flow ? { name: row.flow, label: row.flowLabel, version: row.flowVersion } : null,
    node: row.node ? { id: row.node, label: row.nodeLabel } : null,
    approver: person(row, row.approverId),
    requester: person(row, row.requesterId),
    delegatedFrom: person(row, row.delegatedFromId),
    decidedBy: person(row, row.decidedById),
    decidedAt: row.decidedAt,
    comments: row.comments,
    dueAt: row.dueAt,
    askedAt: row.askedAt,
    others: (extras.peers.get(row.id) ?? []).map((p) => ({ id: toGlobalId(extras.approvalGqlName, p.id), state: p.state, approver: person(p, p.approverId), decidedBy: person(p, p.decidedById), decidedAt: p.decidedAt })),
  };
}

export function approvalConnection(page: ApprovalPage, extras: ApprovalExtras): ApprovalRequestConnectionGql {
  return {
    edges: page.rows.map((row) => ({ cursor: approvalCursor(row), node: approvalRequestGql(row, extras) })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
  };
}

import { Accordion, Alert, Group, Paper, Stack, Switch, Table, Text } from '@mantine/core';
import { Tag } from './Tag.js';
import { useState } from 'react';
import type { AccessRulesDecisionFragment, AccessRulesExplainQuery } from '../graphql/generated/graphql.js';
import { DecisionBadge } from './DecisionBadge.js';

type Explanation = AccessRulesExplainQuery['explainAccess'];
type Verdict = AccessRulesDecisionFragment['rules'][number];

/**
 * The answer to "why can this user (not) do this with this record": per operation the verdict, the type whose
 * rules decided and why, each rule with its criteria matched or not and its condition held or not; then the
 * fields, narrowed by field rules.
 */
export function ExplainResult({ explanation, label }: { explanation: Explanation; label: (type: string) => string }) {
  const [allFields, setAllFields] = useState(false);
  const e = explanation;
  const fields = allFields ? e.fields : e.fields.filter((f) => f.read.rules.length > 0 || f.write.rules.length > 0);
  const record = e.recordNumber ?? e.recordId;
  return (
    <Stack gap="md" aria-label="Explanation">
      <Text size="sm">
        <Text span fw={600}>
          {e.userName}
        </Text>{' '}
        on {label(e.recordType)}{' '}
        <Text span fw={600} ff="monospace">
          {record}
        </Text>
      </Text>
      {e.admin && (
        <Alert color="blue" variant="light" title="This user holds the admin role">
          Admins pass every rule; the rules below say what they would get without it.
        </Alert>
      )}
      {!e.recordExists && (
        <Alert color="yellow" variant="light" title="No such record">
          The record does not exist (or no longer exists).
        </Alert>
      )}
      <Accordion multiple defaultValue={['read']} variant="separated" chevronPosition="left">
        {e.operations.map((d) => (
          <Accordion.Item key={d.operation} value={d.operation}>
            <Accordion.Control aria-label={`${d.operation}: ${d.allowed ? 'allowed' : 'denied'}`}>
              <Stack gap={2}>
                <Group gap="sm" wrap="nowrap">
                  <Text fw={600} tt="capitalize" w={56} style={{ flexShrink: 0 }}>
                    {d.operation}
                  </Text>
                  <DecisionBadge allowed={d.allowed} />
                </Group>
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {d.reason}
                </Text>
              </Stack>
            </Accordion.Control>
            <Accordion.Panel>
              <DecisionDetail decision={d} />
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
      <Paper withBorder radius="md" p="sm">
        <Group justify="space-between" mb="xs">
          <Text fw={600} size="sm">
            Fields
          </Text>
          <Switch size="xs" label="Show every field" checked={allFields} onChange={(ev) => setAllFields(ev.currentTarget.checked)} />
        </Group>
        {fields.length === 0 ? (
          <Text size="sm" c="dimmed">
            No field rule applies: every field follows the record's read and update access.
          </Text>
        ) : (
          <Table verticalSpacing={6} aria-label="Field access">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Field</Table.Th>
                <Table.Th>Read</Table.Th>
                <Table.Th>Write</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fields.map((f) => (
                <Table.Tr key={f.field}>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {f.field}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <FieldVerdict decision={f.read} />
                  </Table.Td>
                  <Table.Td>
                    <FieldVerdict decision={f.write} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}

function FieldVerdict({ decision }: { decision: AccessRulesDecisionFragment }) {
  return (
    <Stack gap={2}>
      <DecisionBadge allowed={decision.allowed} />
      {decision.rules.length > 0 && (
        <Text size="xs" c="dimmed">
          {decision.reason}
        </Text>
      )}
    </Stack>
  );
}

function DecisionDetail({ decision }: { decision: AccessRulesDecisionFragment }) {
  return (
    <Stack gap="xs">
      <Text size="sm">
        {decision.decidedBy ? (
          <>
            Decided by the rules of <Text span ff="monospace">{decision.decidedBy}</Text>: {decision.reason}.
          </>
        ) : (
          <>{decision.reason}.</>
        )}
      </Text>
      {decision.rules.map((r) => (
        <RuleVerdictRow key={r.rule} verdict={r} />
      ))}
    </Stack>
  );
}

function RuleVerdictRow({ verdict: r }: { verdict: Verdict }) {
  const condition = r.conditionHolds === null ? 'asks nothing of the record' : r.conditionHolds ? 'record matches the condition' : 'record does not match the condition';
  return (
    <Paper withBorder radius="sm" p="xs" bg={r.grants ? 'green.0' : undefined} aria-label={`Rule ${r.rule}: ${r.grants ? 'grants' : 'does not grant'}`}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2}>
          <Text size="sm" ff="monospace" fw={600}>
            {r.rule}
          </Text>
          {r.description && (
            <Text size="xs" c="dimmed">
              {r.description}
            </Text>
          )}
        </Stack>
        <DecisionBadge allowed={r.grants} label={r.grants ? 'Grants' : 'No'} />
      </Group>
      <Group gap={6} mt={6}>
        {r.criteria.length === 0 ? (
          <Tag size="sm" variant="light" color="green" tt="none">
            every signed-in user
          </Tag>
        ) : (
          r.criteria.map((c) => (
            <Tag key={c.name} size="sm" variant={c.matched ? 'light' : 'outline'} color={c.matched ? 'green' : 'gray'} tt="none">
              {c.name}: {c.matched ? 'matched' : 'not matched'}
            </Tag>
          ))
        )}
        <Tag size="sm" variant={r.conditionHolds === false ? 'outline' : 'light'} color={r.conditionHolds === false ? 'red' : r.conditionHolds ? 'green' : 'gray'} tt="none">
          {condition}
        </Tag>
        {r.through && (
          <Tag size="sm" variant="outline" color="gray" tt="none">
            through {r.through}
          </Tag>
        )}
      </Group>
    </Paper>
  );
}

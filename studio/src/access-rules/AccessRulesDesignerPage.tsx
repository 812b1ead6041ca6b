import { Alert, Anchor, Box, Breadcrumbs, Button, Center, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { Tag } from './Tag.js';
import { IconLock, IconPlus } from '@tabler/icons-react';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import type { AclDoc } from '../../../schema/access/index.js';
import type { Model } from '../../../schema/metadata/index.js';
import { ErrorPanel } from '../shell/ErrorPanel.js';
import { AddRuleModal } from './AddRuleModal.js';
import { ExplainPanel } from './ExplainPanel.js';
import { InheritedRules } from './InheritedRules.js';
import { RuleCard } from './RuleCard.js';
import { RECORD_OPERATIONS, inheritedRules, rulesOfType, type InheritedRules as Inherited } from './rule-layout.js';
import { useAccessMetadata } from './use-access-metadata.js';
import { useNewRules } from './use-new-rules.js';

type Preset = { operation: AclDoc['operation']; field?: string };

/**
 * The access rules of one record type: record rules by operation, field rules by field, what the parent types
 * decide where this one has no rules, and beside them the server's explanation of one user on one record.
 */
export function AccessRulesDesignerPage() {
  const { type: typeName = '' } = useParams();
  const { search } = useLocation();
  const { metadata, error, isLoading, unitOf, canEdit, platformAdmin } = useAccessMetadata();
  const acls = metadata?.snapshot.acls;
  const { pending, add, forget } = useNewRules(typeName, acls);
  const [adding, setAdding] = useState<Preset | null>(null);
  const [justAdded, setJustAdded] = useState<string | null>(null);
  const model = metadata?.model ?? null;
  const label = useCallback((name: string) => model?.types.get(name)?.doc.label.toLowerCase() ?? name, [model]);
  const layout = useMemo(() => (model ? { own: rulesOfType(model, typeName), inherited: inheritedRules(model, typeName) } : null), [model, typeName]);
  const taken = useMemo(() => new Set([...Object.keys(acls ?? {}), ...pending.map((d) => d.name)]), [acls, pending]);

  if (error) return <ErrorPanel title="The access rules could not be read" message={error.message} />;
  if (isLoading || !metadata) return <Center py="xl"><Loader aria-label="Loading access rules" /></Center>;
  if (!model || !layout) return <ErrorPanel title="The metadata cannot be modelled" message="The drafts are too broken to build the record types from. Fix them under Overview first." />;
  const type = model.types.get(typeName);
  if (!type) return <ErrorPanel title={`There is no record type "${typeName}"`} message="It may have been renamed or removed. Choose a type from the list of access rules." />;

  const readOnly = !canEdit(typeName);
  const unitLabel = (name: string) => metadata.snapshot.businessUnits[name]?.label ?? name;
  const unit = unitOf(typeName);
  const inheritedFor = (op: string, field: string | null) => layout.inherited.find((i) => i.operation === op && i.field === field);
  const ownFieldNames = new Set(layout.own.fields.map((f) => f.field));
  const inheritedFieldOnly = layout.inherited.filter((i) => i.field !== null && !ownFieldNames.has(i.field));
  const fieldLabel = (name: string) => type.fields.find((f) => f.name === name)?.label ?? name;
  const card = (doc: AclDoc) => (
    <RuleCard key={doc.name} model={model} name={doc.name} readOnly={readOnly} startEditing={doc.name === justAdded} onGone={forget} />
  );

  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to={`/access-rules${search}`} underline="hover">
          Access rules
        </Anchor>
        <Text>{type.doc.label}</Text>
      </Breadcrumbs>
      <Stack gap={4}>
        <Group justify="space-between" align="center">
          <Group gap="sm">
            <Title order={2}>Access rules of {type.doc.label}</Title>
            <Text c="dimmed" ff="monospace">
              {type.name}
            </Text>
            {type.abstract && <Tag variant="outline" color="gray">abstract: its rules apply to the types below it</Tag>}
          </Group>
          {!readOnly && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding({ operation: 'read' })}>
              Add rule
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {unit ? `Business unit ${unitLabel(unit)}. ` : 'A platform type. '}
          Rules on the same operation combine: any one of them allows.
          {layout.inherited.length > 0
            ? ` Where it has no rule of its own, the rules of ${[...new Set(layout.inherited.map((i) => i.from))].join(', ')} apply (shown as inherited).`
            : ' An operation without any rule is for admins only.'}
        </Text>
      </Stack>
      {readOnly && (
        <Alert color="gray" variant="light" icon={<IconLock />} title="Read only">
          {unit ? `These rules belong to business unit ${unitLabel(unit)}, which you do not administer.` : 'This is a platform type: only the platform administrator changes its rules.'}
        </Alert>
      )}
      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            {pending.length > 0 && (
              <RuleGroup title="New rules" count={pending.length}>
                {pending.map((doc) => (
                  <RuleCard
                    key={doc.name}
                    model={model}
                    name={doc.name}
                    initial={() => doc}
                    startEditing
                    onGone={forget}
                  />
                ))}
              </RuleGroup>
            )}
            <Title order={3} size="h4">
              Records
            </Title>
            {RECORD_OPERATIONS.map((op) => (
              <RuleGroup key={op} title={op} count={layout.own.records[op].length} onAdd={readOnly ? undefined : () => setAdding({ operation: op })}>
                {layout.own.records[op].map(card)}
                <Fallback model={model} own={layout.own.records[op].length} inherited={inheritedFor(op, null)} none={`No ${op} rule: only admins may ${op} ${type.doc.pluralLabel?.toLowerCase() ?? 'these records'}.`} />
              </RuleGroup>
            ))}
            <Group justify="space-between" mt="sm">
              <Title order={3} size="h4">
                Fields
              </Title>
              {!readOnly && (
                <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => setAdding({ operation: 'read', field: type.activeFields[0]?.name })}>
                  Add field rule
                </Button>
              )}
            </Group>
            {layout.own.fields.length === 0 && inheritedFieldOnly.length === 0 && (
              <Text size="sm" c="dimmed">
                No field rules: whoever may read a record reads all its fields, whoever may update it writes them.
              </Text>
            )}
            {layout.own.fields.map(({ field, rules }) => (
              <Box key={field}>
                <Text fw={600} size="sm" mb={6}>
                  {fieldLabel(field)}{' '}
                  <Text span c="dimmed" ff="monospace" size="xs">
                    {field}
                  </Text>
                </Text>
                <Stack gap="xs">
                  {(['read', 'write'] as const).map((op) => (
                    <RuleGroup key={op} title={op} count={rules[op].length} compact onAdd={readOnly ? undefined : () => setAdding({ operation: op, field })}>
                      {rules[op].map(card)}
                      <Fallback model={model} own={rules[op].length} inherited={inheritedFor(op, field)} none={`No ${op} rule on this field: the record's ${op === 'read' ? 'read' : 'update'} access decides.`} />
                    </RuleGroup>
                  ))}
                </Stack>
              </Box>
            ))}
            {inheritedFieldOnly.map((i) => (
              <Box key={`${i.field}:${i.operation}`}>
                <Text fw={600} size="sm" mb={6}>
                  {fieldLabel(i.field!)} · {i.operation}
                </Text>
                <InheritedRules model={model} inherited={i} />
              </Box>
            ))}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }} style={{ position: 'sticky', top: 76 }}>
          <ExplainPanel type={type} platformAdmin={platformAdmin} label={label} />
        </Grid.Col>
      </Grid>
      <AddRuleModal
        opened={adding !== null}
        onClose={() => setAdding(null)}
        model={model}
        recordType={typeName}
        taken={taken}
        preset={adding ?? undefined}
        onAdd={(doc) => {
          setJustAdded(doc.name);
          add(doc);
        }}
      />
    </Stack>
  );
}

function RuleGroup({ title, count, onAdd, compact, children }: { title: string; count: number; onAdd?: () => void; compact?: boolean; children: ReactNode }) {
  return (
    <Stack gap="xs" component="section" aria-label={/rules$/.test(title) ? title : `${title} rules`}>
      <Group justify="space-between">
        <Group gap="xs">
          <Text fw={600} size={compact ? 'xs' : 'sm'} tt="capitalize">
            {title}
          </Text>
          <Tag size="xs" variant="light" color={count ? 'blue' : 'gray'} circle>
            {count}
          </Tag>
        </Group>
        {onAdd && (
          <Button variant="subtle" size="compact-xs" leftSection={<IconPlus size={12} />} onClick={onAdd} aria-label={`Add ${title} rule`}>
            Add
          </Button>
        )}
      </Group>
      {children}
    </Stack>
  );
}

/** Where a target has no rule of its own: what the parent decides, or that no one but admins may. */
function Fallback({ model, own, inherited, none }: { model: Model; own: number; inherited?: Inherited; none: string }) {
  if (own > 0) return null;
  if (inherited) return <InheritedRules model={model} inherited={inherited} />;
  return (
    <Text size="sm" c="dimmed" fs="italic">
      {none}
    </Text>
  );
}

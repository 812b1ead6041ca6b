import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconForms, IconGitBranch, IconLock, IconTable, IconUsersGroup } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { CaseTypeDoc } from '../../../schema/case/index.js';
import type { MetadataSnapshot } from '../../../schema/metadata/index.js';
import { caseTypeParts } from './case-type-parts.js';

/** What a case type is made of, each part a link to its own designer (or a note that it is missing). */
export function CaseTypeMakeup({ snapshot, caseType }: { snapshot: MetadataSnapshot; caseType: CaseTypeDoc }) {
  const parts = caseTypeParts(snapshot, caseType);
  const criteria = [...new Set([...caseType.submitters, ...caseType.fulfillers])];
  return (
    <Paper withBorder p="md" role="region" aria-label="Made of">
      <Title order={3} size="h4" mb="sm">
        Made of
      </Title>
      <Stack gap="sm">
        <Part icon={<IconTable size={18} />} title="Record type">
          {parts.recordType ? <Anchor component={Link} to={`/record-types/${parts.recordType.name}`}>{`${parts.recordType.label} (${parts.recordType.name})`}</Anchor> : <Missing>no record type "{caseType.name}"</Missing>}
        </Part>
        <Part icon={<IconForms size={18} />} title="Forms">
          {parts.forms.length ? (
            parts.forms.map((f) => (
              <Group key={f.name} gap={6}>
                <Anchor component={Link} to={`/forms/${f.name}`}>
                  {f.label}
                </Anchor>
                {parts.form?.name === f.name && (
                  <Badge size="xs" variant="light">
                    default
                  </Badge>
                )}
              </Group>
            ))
          ) : (
            <Missing>no form yet</Missing>
          )}
        </Part>
        <Part icon={<IconGitBranch size={18} />} title="State model">
          {parts.stateModel ? <Anchor component={Link} to={`/state-models/${parts.stateModel.name}`}>{parts.stateModel.label}</Anchor> : <Missing>no state model: the type's ancestor's applies</Missing>}
        </Part>
        <Part icon={<IconLock size={18} />} title="Access rules">
          <Anchor component={Link} to={`/access-rules/${caseType.name}`}>
            {parts.acls.length} rule{parts.acls.length === 1 ? '' : 's'} on {caseType.name}
          </Anchor>
        </Part>
        <Part icon={<IconUsersGroup size={18} />} title="User criteria">
          {criteria.length ? (
            criteria.map((c) => (
              <Anchor key={c} component={Link} to={`/user-criteria/${c}`}>
                {snapshot.userCriteria[c]?.label ?? c}
              </Anchor>
            ))
          ) : (
            <Missing>none named</Missing>
          )}
        </Part>
      </Stack>
    </Paper>
  );
}

function Part({ icon, title, children }: { icon: ReactNode; title: string; children: ReactNode }) {
  return (
    <Group align="flex-start" gap="sm" wrap="nowrap">
      <Text c="dimmed" mt={2} aria-hidden>
        {icon}
      </Text>
      <div>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {title}
        </Text>
        <Stack gap={2}>{children}</Stack>
      </div>
    </Group>
  );
}

function Missing({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed">
      {children}
    </Text>
  );
}

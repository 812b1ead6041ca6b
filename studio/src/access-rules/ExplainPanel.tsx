import { Alert, Button, Center, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconLock, IconZoomQuestion } from '@tabler/icons-react';
import { useState } from 'react';
import type { ModelType } from '../../../schema/metadata/index.js';
import { AccessRulesExplainDocument } from '../graphql/generated/graphql.js';
import { useGqlQuery } from '../graphql/use-gql.js';
import { ExplainResult } from './ExplainResult.js';
import { PersonPicker } from './PersonPicker.js';

interface Asked {
  userName: string;
  record: string;
}

/**
 * "Why can Dave not see CS0001042?": a user and a record of this type (by number, or by id for types without
 * numbers), explained by the server with the published rules. Platform administrators only, as the server says.
 */
export function ExplainPanel({ type, platformAdmin, label }: { type: ModelType; platformAdmin: boolean; label: (type: string) => string }) {
  const [userName, setUserName] = useState<string | null>(null);
  const [record, setRecord] = useState('');
  const [asked, setAsked] = useState<Asked | null>(null);
  const numbered = type.numberPrefix !== null || type.concreteTypes.some((t) => t !== type.name);
  const variables = asked ? (numbered ? { userName: asked.userName, recordType: type.name, number: asked.record } : { userName: asked.userName, recordId: asked.record }) : undefined;
  const explain = useGqlQuery(AccessRulesExplainDocument, variables, { enabled: !!asked && platformAdmin, retry: false });

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Explain access">
      <Stack gap="md">
        <div>
          <Title order={3} size="h4">
            Explain access
          </Title>
          <Text size="sm" c="dimmed">
            Why may a user, or may they not, work with one {type.doc.label.toLowerCase()}? Uses the published rules.
          </Text>
        </div>
        {!platformAdmin ? (
          <Alert color="gray" variant="light" icon={<IconLock />} title="For the platform administrator">
            Explaining a user's access reads every rule and the user's groups, roles and account, across all units. Ask the platform administrator,
            or test with the user's own sign-in.
          </Alert>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (userName && record.trim()) setAsked({ userName, record: record.trim() });
            }}
          >
            <Stack gap="sm">
              <PersonPicker value={userName} onChange={setUserName} />
              <TextInput
                label={numbered ? 'Record number' : 'Record id'}
                placeholder={type.numberPrefix ? `${type.numberPrefix}0000001` : numbered ? 'e.g. INC0000001' : 'The global id of the record'}
                value={record}
                onChange={(e) => setRecord(e.currentTarget.value)}
              />
              <Button type="submit" leftSection={<IconZoomQuestion size={16} />} disabled={!userName || !record.trim()} loading={explain.isFetching} style={{ alignSelf: 'flex-start' }}>
                Explain
              </Button>
            </Stack>
          </form>
        )}
        {platformAdmin && explain.error && (
          <Alert color="red" variant="light" role="alert" title="Cannot explain">
            {explain.error.message}
          </Alert>
        )}
        {platformAdmin && asked && explain.isLoading && (
          <Center py="md">
            <Loader size="sm" aria-label="Explaining" />
          </Center>
        )}
        {platformAdmin && explain.data && !explain.error && <ExplainResult explanation={explain.data.explainAccess} label={label} />}
      </Stack>
    </Paper>
  );
}

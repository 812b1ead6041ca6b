import { Alert, Checkbox, Code, Divider, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { Condition } from '../../../schema/condition/index.js';
import type { UserCriteriaDoc } from '../../../schema/access/index.js';
import type { Model } from '../../../schema/metadata/index.js';
import { ConditionBuilder } from '../condition-builder/index.js';
import { dimensionCount, withAccounts, withChildren, withList } from './criteria-edits.js';
import { DirectorySelect } from './DirectorySelect.js';
import { PeopleSelect } from './PeopleSelect.js';
import type { Directory } from './use-directory.js';

export interface CriteriaFormProps {
  doc: UserCriteriaDoc;
  onChange: (update: (prev: UserCriteriaDoc) => UserCriteriaDoc) => void;
  model: Model | null;
  directory: Directory | null;
  directoryError: string | null;
  readOnly: boolean;
}

/** The criteria document as a form: its words, how dimensions combine, each dimension, and the condition on the person. */
export function CriteriaForm({ doc, onChange, model, directory, directoryError, readOnly }: CriteriaFormProps) {
  const dimensions = dimensionCount(doc);
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Group gap="xs">
            <Text size="sm" fw={500}>
              Name
            </Text>
            <Code>{doc.name}</Code>
            <Text size="xs" c="dimmed">
              rules refer to the criteria by this name
            </Text>
          </Group>
          <TextInput
            label="Label"
            description="What designers see when they pick these criteria."
            value={doc.label}
            readOnly={readOnly}
            onChange={(e) => {
              const label = e.currentTarget.value;
              onChange((d) => ({ ...d, label }));
            }}
            error={doc.label.trim() ? undefined : 'A label is required'}
            required
          />
          <Textarea
            label="Description"
            description="Who these users are, in a sentence."
            autosize
            minRows={2}
            value={doc.description ?? ''}
            readOnly={readOnly}
            onChange={(e) => {
              const description = e.currentTarget.value;
              onChange((d) => {
                const next: UserCriteriaDoc = { ...d, description };
                if (!description) delete next.description;
                return next;
              });
            }}
          />
        </Stack>
      </Paper>

      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <div>
            <Title order={3} size="h5" id="criteria-match-title">
              Users match when
            </Title>
            <Text size="sm" c="dimmed">
              {dimensions === 0
                ? 'Nothing is listed yet, so every signed-in user matches.'
                : dimensions === 1
                  ? 'One dimension is listed: a user must match it.'
                  : doc.match === 'all'
                    ? `A user must match all ${dimensions} dimensions below.`
                    : `A user must match at least one of the ${dimensions} dimensions below.`}
            </Text>
          </div>
          <SegmentedControl
            aria-labelledby="criteria-match-title"
            value={doc.match}
            disabled={readOnly}
            onChange={(match) => onChange((d) => ({ ...d, match: match as 'all' | 'any' }))}
            data={[
              { value: 'any', label: 'Any dimension matches' },
              { value: 'all', label: 'All dimensions match' },
            ]}
            maw={420}
          />
          {directoryError && (
            <Alert color="yellow" variant="light" title="The directory could not be read">
              {directoryError} You can still type names, but they are not checked.
            </Alert>
          )}
          <Divider />
          <PeopleSelect value={doc.users ?? []} onChange={(v) => onChange((d) => withList(d, 'users', v))} readOnly={readOnly} />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <DirectorySelect
              label="Groups"
              description="Members, including members of groups nested below."
              noun="group"
              options={directory?.groups ?? null}
            complete={!readOnly && !!directory?.complete.has('groups')}
              value={doc.groups ?? []}
              onChange={(v) => onChange((d) => withList(d, 'groups', v))}
              readOnly={readOnly}
            />
            <DirectorySelect
              label="Roles"
              description="Granted to the user or to one of its groups."
              noun="role"
              options={directory?.roles ?? null}
            complete={!readOnly && !!directory?.complete.has('roles')}
              value={doc.roles ?? []}
              onChange={(v) => onChange((d) => withList(d, 'roles', v))}
              readOnly={readOnly}
            />
            <DirectorySelect
              label="Departments"
              noun="department"
              options={directory?.departments ?? null}
            complete={!readOnly && !!directory?.complete.has('departments')}
              value={doc.departments ?? []}
              onChange={(v) => onChange((d) => withList(d, 'departments', v))}
              readOnly={readOnly}
            />
            <DirectorySelect
              label="Locations"
              noun="location"
              options={directory?.locations ?? null}
            complete={!readOnly && !!directory?.complete.has('locations')}
              value={doc.locations ?? []}
              onChange={(v) => onChange((d) => withList(d, 'locations', v))}
              readOnly={readOnly}
            />
          </SimpleGrid>
          <DirectorySelect
            label="Accounts"
            description="Contacts of a customer or partner account."
            noun="account"
            options={directory?.accounts ?? null}
            complete={!readOnly && !!directory?.complete.has('accounts')}
            value={(doc.accounts ?? []).map((a) => a.account)}
            onChange={(v) => onChange((d) => withAccounts(d, v))}
            readOnly={readOnly}
          />
          {(doc.accounts ?? []).length > 0 && (
            <Stack gap={6} pl="xs">
              {(doc.accounts ?? []).map((a) => (
                <Checkbox
                  key={a.account}
                  label={`Include the accounts below ${a.account}`}
                  checked={a.includeChildren === true}
                  disabled={readOnly}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    onChange((d) => withChildren(d, a.account, on));
                  }}
                />
              ))}
            </Stack>
          )}
        </Stack>
      </Paper>

      <Paper withBorder p="md" radius="md">
        <Stack gap="xs">
          <Title order={3} size="h5">
            Condition on the person
          </Title>
          <Text size="sm" c="dimmed">
            Tests the user's own record (e.g. its account is empty, its title contains "Manager"). It counts as one more dimension.
          </Text>
          {model ? (
            <ConditionBuilder
              model={model}
              recordType="person"
              value={doc.condition ?? null}
              label="Condition on the person"
              readOnly={readOnly}
              onChange={(condition: Condition | null) =>
                onChange((d) => {
                  const next = { ...d };
                  if (condition) next.condition = condition;
                  else delete next.condition;
                  return next;
                })
              }
            />
          ) : (
            <Alert color="yellow" variant="light">
              The drafts are too broken to build a model, so the condition cannot be edited here. Fix the problems listed under Publish first.
            </Alert>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}

import { Alert, Grid, Loader, Stack } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useCallback, useMemo } from 'react';
import { useParams, useSearchParams } from 'react-router';
import type { UserCriteriaDoc } from '../../../schema/access/index.js';
import { DocumentEditorFrame, useDocumentDraft, useWorkingMetadata } from '../metadata/index.js';
import { useStudioAccess } from '../shell/studio-context.js';
import { AccessDiffPanel } from './AccessDiffPanel.js';
import { CriteriaForm } from './CriteriaForm.js';
import { criteriaUsage } from './criteria-usage.js';
import { MatchPreview } from './MatchPreview.js';
import { UsagePanel } from './UsagePanel.js';
import { useDirectory } from './use-directory.js';

/**
 * One user criteria: edit who it is for, see live who matches, what names it, and — once saved as a draft — who
 * gains or loses access to how many records. Criteria are platform-wide, so only the platform admin changes them.
 */
export function UserCriteriaDesignerPage() {
  const { name = '' } = useParams();
  const [params] = useSearchParams();
  const access = useStudioAccess();
  const readOnly = !access.platformAdmin;
  const creating = params.get('new') === '1' && !readOnly;
  const initial = useCallback((): UserCriteriaDoc => ({ name, label: name.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()), match: 'any' }), [name]);
  const draft = useDocumentDraft('userCriteria', name, creating ? initial : undefined);
  const { metadata } = useWorkingMetadata();
  const { directory, error: directoryError } = useDirectory();
  const uses = useMemo(() => (metadata ? criteriaUsage(metadata.snapshot, name) : []), [metadata, name]);
  const setDoc = draft.setDoc;
  const onChange = useCallback((update: (prev: UserCriteriaDoc) => UserCriteriaDoc) => setDoc(update), [setDoc]);

  if (draft.status === 'loading') return <Loader aria-label="Loading the criteria" />;
  if (draft.status === 'error')
    return (
      <Alert color="red" variant="light" title="The metadata could not be read">
        {draft.loadError}
      </Alert>
    );
  if (!draft.doc)
    return (
      <Alert color="yellow" variant="light" title={`No user criteria named "${name}"`}>
        They may have been removed. Pick criteria from the list, or create new ones there.
      </Alert>
    );
  const doc = draft.doc;

  return (
    <DocumentEditorFrame draft={draft} title={doc.label || name} parent={{ label: 'User criteria', to: '/user-criteria' }} readOnly={readOnly}>
      {readOnly && (
        <Alert color="gray" variant="light" icon={<IconLock />} title="Read-only: user criteria are platform-wide">
          Rules of every business unit may name these criteria, so a change here would reach beyond the units you administer. Only the platform
          administrator changes them; ask them for new criteria for your unit.
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <CriteriaForm doc={doc} onChange={onChange} model={metadata?.model ?? null} directory={directory} directoryError={directoryError?.message ?? null} readOnly={readOnly} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <MatchPreview doc={doc} saved={draft.serverDoc} allowed={access.platformAdmin} />
            <UsagePanel uses={uses} />
          </Stack>
        </Grid.Col>
      </Grid>
      {!readOnly && <AccessDiffPanel dirty={draft.dirty} save={draft.save} saving={draft.saving} draftVersion={draft.draftVersion} />}
    </DocumentEditorFrame>
  );
}

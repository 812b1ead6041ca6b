import { Alert, Anchor, Center, Loader } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useEffect, useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { StateModelDoc } from '../../../schema/case/index.js';
import { unitOfDocument } from '../../../schema/metadata/index.js';
import { DocumentEditorFrame, useDocumentDraft, useUnitFilter, useWorkingMetadata } from '../metadata/index.js';
import { ErrorPanel } from '../shell/ErrorPanel.js';
import { useStudioAccess } from '../shell/studio-context.js';
import { newStateModel } from './new-state-model.js';
import { StateModelEditor } from './StateModelEditor.js';

/**
 * One state model at /state-models/:name, in the shared editor frame. A new one arrives with `?recordType=`
 * (and `label=`) from the list's "New state model" and starts from the usual life of a case.
 */
export function StateModelDesignerPage() {
  const { name = '' } = useParams();
  const [params] = useSearchParams();
  const recordType = params.get('recordType');
  const label = params.get('label');
  const initial = useMemo(() => (recordType ? () => newStateModel(name, recordType, label || undefined) : undefined), [name, recordType, label]);
  const draft = useDocumentDraft('stateModel', name, initial);
  const { metadata } = useWorkingMetadata();
  const published = useWorkingMetadata(true).metadata;
  const access = useStudioAccess();
  const [unit] = useUnitFilter();
  const listPath = `/state-models${unit ? `?unit=${encodeURIComponent(unit)}` : ''}`;

  // A new model is an unsaved change from the start, so it can be saved before anything in it is edited.
  const fresh = draft.status === 'ready' && !draft.serverDoc && !draft.dirty && !!initial && !!draft.doc;
  useEffect(() => {
    if (fresh && draft.doc) draft.setDoc(draft.doc);
  }, [fresh, draft]);

  const placement = useMemo(
    () => (draft.doc && metadata && published ? unitOfDocument({ published: published.snapshot, working: metadata.snapshot }, 'stateModel', draft.doc) : null),
    [draft.doc, metadata, published],
  );
  if (draft.status === 'error') return <ErrorPanel title="The state model could not be read" message={draft.loadError ?? ''} />;
  if (draft.status === 'loading' || !metadata || !published)
    return (
      <Center h={300}>
        <Loader aria-label="Loading the state model" />
      </Center>
    );
  if (!draft.doc)
    return (
      <Alert color="yellow" title={`There is no state model named "${name}"`} maw={640}>
        It may have been removed, or the link is wrong.{' '}
        <Anchor component={Link} to={listPath}>
          Back to the state models
        </Anchor>
      </Alert>
    );
  const doc = draft.doc as StateModelDoc;
  const mayChange = access.platformAdmin || (placement?.unit != null && access.administeredUnits.includes(placement.unit));
  return (
    <DocumentEditorFrame draft={draft} title={`State model ${doc.label ?? doc.name}`} parent={{ label: 'State models', to: listPath }} readOnly={!mayChange}>
      {!mayChange && (
        <Alert color="gray" variant="light" icon={<IconLock size={18} />} title="Read only">
          {placement && placement.unit === null ? placement.reason : `This state model belongs to business unit "${placement?.unit}", which you do not administer.`}
        </Alert>
      )}
      <StateModelEditor doc={doc} onChange={draft.setDoc} problems={draft.problems} model={metadata.model} readOnly={!mayChange} />
    </DocumentEditorFrame>
  );
}

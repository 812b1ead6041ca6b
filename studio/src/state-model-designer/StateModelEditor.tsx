import { Alert, Box, Grid, LoadingOverlay, Paper, Stack } from '@mantine/core';
import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { StateModelDoc } from '../../../schema/case/index.js';
import type { MetadataProblem, Model } from '../../../schema/metadata/index.js';
import { ERROR_CONTRAST } from './error-contrast.js';
import { StateModelCanvas } from './canvas/StateModelCanvas.js';
import { autoLayout } from './layout/auto-layout.js';
import { lintStateModel, validatorItems } from './lint/lint-state-model.js';
import { AddTransitionForm } from './panels/AddTransitionForm.js';
import { EditorToolbar } from './panels/EditorToolbar.js';
import { ElementList } from './panels/ElementList.js';
import { Inspector } from './panels/Inspector.js';
import { LintPanel } from './panels/LintPanel.js';
import { createStateModelStore, EditorStoreContext, useEditor, useEditorStoreApi } from './store/state-model-store.js';
import { useEditorShortcuts } from './store/use-editor-shortcuts.js';

export interface StateModelEditorProps {
  /** The document as the editing loop has it (server draft plus unsaved edits). */
  doc: StateModelDoc;
  /** Called with every edit, to keep it as an unsaved change. */
  onChange: (doc: StateModelDoc) => void;
  /** The shared validator's problems of the document. */
  problems: readonly MetadataProblem[];
  model: Model | null;
  readOnly: boolean;
}

/**
 * The state-model editor: canvas, inspector, transition form, checks and lists over one store. Edits flow out
 * through `onChange`; a document that changes from outside (discard, someone else's draft) replaces the editor's
 * and its undo history.
 */
export function StateModelEditor(props: StateModelEditorProps) {
  const [store] = useState(() => createStateModelStore(props.doc));
  return (
    <EditorStoreContext.Provider value={store}>
      <ReactFlowProvider>
        <EditorBody {...props} />
      </ReactFlowProvider>
    </EditorStoreContext.Provider>
  );
}

function EditorBody({ doc: outside, onChange, problems, model, readOnly }: StateModelEditorProps) {
  const store = useEditorStoreApi();
  const doc = useEditor((s) => s.doc);
  const [layingOut, setLayingOut] = useState(false);
  const [placed, setPlaced] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const pushed = useRef<StateModelDoc>(outside);

  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.doc === previous.doc || state.doc === pushed.current) return;
        pushed.current = state.doc;
        onChangeRef.current(state.doc);
      }),
    [store],
  );

  const layout = useCallback(
    async (target: StateModelDoc) => {
      setLayingOut(true);
      const positions = await autoLayout(target);
      store.getState().setPositions(positions);
      store.getState().requestFit();
      setLayingOut(false);
      setPlaced(true);
    },
    [store],
  );

  useEffect(() => {
    if (outside === pushed.current || outside === store.getState().doc) return;
    pushed.current = outside;
    if (JSON.stringify(outside) === JSON.stringify(store.getState().doc)) return;
    store.setState({ doc: outside, selection: { states: [], transitions: [] } });
    store.temporal.getState().clear();
    const positions = store.getState().positions;
    if (outside.states.some((s) => !positions[s.name])) void layout(outside);
  }, [outside, store, layout]);

  // The model has no positions: lay it out when it opens.
  useEffect(() => void layout(store.getState().doc), [layout, store]);

  const lint = useMemo(() => [...validatorItems(doc, problems), ...lintStateModel(doc)], [doc, problems]);
  const flaggedStates = useMemo(() => new Set(lint.flatMap((i) => (i.target.kind === 'state' ? [i.target.name] : []))), [lint]);
  const flaggedTransitions = useMemo(() => new Set(lint.flatMap((i) => (i.target.kind === 'transition' ? [i.target.index] : []))), [lint]);
  const onKeyDown = useEditorShortcuts(readOnly);

  return (
    <Stack gap="sm" onKeyDown={onKeyDown} style={ERROR_CONTRAST}>
      <EditorToolbar readOnly={readOnly} layingOut={layingOut} onAutoLayout={() => void layout(store.getState().doc)} onFit={() => store.getState().requestFit()} />
      {refusal && (
        <Alert color="orange" variant="light" withCloseButton closeButtonLabel="Dismiss" onClose={() => setRefusal(null)} title="Transition not added">
          {refusal}
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Paper withBorder pos="relative" h={680} style={{ overflow: 'hidden' }}>
            <LoadingOverlay visible={!placed} loaderProps={{ 'aria-label': 'Laying out the states' } as object} />
            <Box h="100%">
              <StateModelCanvas flaggedStates={flaggedStates} flaggedTransitions={flaggedTransitions} onRefusal={setRefusal} readOnly={readOnly} />
            </Box>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="sm">
            <Inspector model={model} readOnly={readOnly} />
            {!readOnly && <AddTransitionForm />}
            <LintPanel items={lint} />
          </Stack>
        </Grid.Col>
      </Grid>
      <ElementList readOnly={readOnly} />
    </Stack>
  );
}

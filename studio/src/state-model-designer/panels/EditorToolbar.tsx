import { ActionIcon, Button, Group, Tooltip } from '@mantine/core';
import { IconArrowBackUp, IconArrowForwardUp, IconClipboard, IconCopy, IconFocusCentered, IconLayoutDistributeHorizontal, IconPlus, IconTrash } from '@tabler/icons-react';
import { CategoryLegend } from '../canvas/CategoryLegend.js';
import { useEditor } from '../store/state-model-store.js';
import { useHistory } from '../store/use-history.js';
import { useStateInteractions } from '../store/use-state-interactions.js';
import { useTransitionInteractions } from '../store/use-transition-interactions.js';

export interface EditorToolbarProps {
  readOnly: boolean;
  layingOut: boolean;
  onAutoLayout: () => void;
  onFit: () => void;
}

/** Every canvas action as a button, so none needs a mouse or a shortcut. */
export function EditorToolbar({ readOnly, layingOut, onAutoLayout, onFit }: EditorToolbarProps) {
  const { undo, redo, canUndo, canRedo } = useHistory();
  const { addState, copy, paste, deleteStates } = useStateInteractions();
  const { deleteTransitions } = useTransitionInteractions();
  const selection = useEditor((s) => s.selection);
  const hasClipboard = useEditor((s) => !!s.clipboard?.states.length);
  const hasSelection = selection.states.length + selection.transitions.length > 0;
  return (
    <Group justify="space-between" gap="sm" role="toolbar" aria-label="State model editor">
      <Group gap="xs">
        {!readOnly && (
          <>
            <Button size="xs" leftSection={<IconPlus size={16} />} onClick={() => addState()}>
              Add state
            </Button>
            <Tooltip label="Delete selection (Delete)">
              <ActionIcon variant="default" size="lg" aria-label="Delete selection" disabled={!hasSelection} onClick={() => (selection.states.length ? deleteStates(selection.states) : deleteTransitions(selection.transitions))}>
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Copy states (Ctrl+C)">
              <ActionIcon variant="default" size="lg" aria-label="Copy states" disabled={!selection.states.length} onClick={copy}>
                <IconCopy size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Paste states (Ctrl+V)">
              <ActionIcon variant="default" size="lg" aria-label="Paste states" disabled={!hasClipboard} onClick={paste}>
                <IconClipboard size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Undo (Ctrl+Z)">
              <ActionIcon variant="default" size="lg" aria-label="Undo" disabled={!canUndo} onClick={undo}>
                <IconArrowBackUp size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Redo (Ctrl+Shift+Z)">
              <ActionIcon variant="default" size="lg" aria-label="Redo" disabled={!canRedo} onClick={redo}>
                <IconArrowForwardUp size={16} />
              </ActionIcon>
            </Tooltip>
          </>
        )}
        <Button size="xs" variant="default" leftSection={<IconLayoutDistributeHorizontal size={16} />} loading={layingOut} onClick={onAutoLayout}>
          Auto-layout
        </Button>
        <Button size="xs" variant="default" leftSection={<IconFocusCentered size={16} />} onClick={onFit}>
          Zoom to fit
        </Button>
      </Group>
      <CategoryLegend />
    </Group>
  );
}

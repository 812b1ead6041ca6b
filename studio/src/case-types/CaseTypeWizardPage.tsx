import { Anchor, Breadcrumbs, Loader, Paper, Stack, Stepper, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useUnitFilter, useWorkingMetadata } from '../metadata/index.js';
import { ErrorPanel } from '../shell/ErrorPanel.js';
import { useStudioAccess } from '../shell/studio-context.js';
import { AccessStep } from './wizard/AccessStep.js';
import { basicsProblems } from './wizard/basics-problems.js';
import { BasicsStep } from './wizard/BasicsStep.js';
import { buildWizardDocuments } from './wizard/build-wizard-documents.js';
import { FieldsStep } from './wizard/FieldsStep.js';
import { FormStep } from './wizard/FormStep.js';
import { PublishedScreen } from './wizard/PublishedScreen.js';
import { ReviewStep } from './wizard/ReviewStep.js';
import { StatesStep } from './wizard/StatesStep.js';
import { StepNav } from './wizard/StepNav.js';
import { useWizardSave } from './wizard/use-wizard-save.js';
import { useWizardState } from './wizard/use-wizard-state.js';
import { wizardProblems } from './wizard/wizard-problems.js';

const STEPS = [
  { label: 'Basics', description: 'Unit, label, name' },
  { label: 'Fields', description: 'What a case holds' },
  { label: 'Form', description: 'Lay out the fields' },
  { label: 'States', description: 'Its life cycle' },
  { label: 'Access', description: 'Who submits, who works' },
  { label: 'Review', description: 'Save and publish' },
] as const;

/**
 * The case type wizard: six steps that make a record type, its form, state model, access rules and the case type
 * itself, checked by the shared validators, saved as drafts in the order the server needs, then published. Its
 * state lives in localStorage, so a reload resumes.
 */
export function CaseTypeWizardPage() {
  const access = useStudioAccess();
  const [unit] = useUnitFilter();
  const { metadata, error, isLoading } = useWorkingMetadata();
  const wizard = useWizardState(access.userName ?? 'anonymous', unit ?? access.administeredUnits[0] ?? '');
  const { state, update } = wizard;
  const save = useWizardSave(update);
  const documents = useMemo(() => buildWizardDocuments(state), [state]);
  const snapshot = metadata?.snapshot;
  const problems = useMemo(() => (snapshot ? wizardProblems(snapshot, documents) : []), [snapshot, documents]);

  if (error) return <ErrorPanel title="The metadata could not be read" message={error.message} />;
  if (isLoading || !metadata || !snapshot) return <Loader aria-label="Loading metadata" m="xl" />;

  const units = access.administeredUnits.map((u) => ({ value: u, label: snapshot.businessUnits[u]?.label ?? u }));
  const inherited = metadata.model?.types.get('task')?.activeFields.map((f) => f.name) ?? [];
  const basicsBlocked = Object.values(basicsProblems(state, snapshot)).find(Boolean);
  const go = (step: number) => update((s) => ({ ...s, step }));
  const stepProps = { state, update, snapshot };

  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to="/case-types" underline="hover">
          Case types
        </Anchor>
        <Text>New case type</Text>
      </Breadcrumbs>
      <div>
        <Title order={2}>New case type{state.basics.label ? `: ${state.basics.label}` : ''}</Title>
        <Text c="dimmed" size="sm">
          Your progress is kept in this browser: leave and come back at any time.
        </Text>
      </div>
      {state.phase === 'published' ? (
        <PublishedScreen state={state} userName={access.userName ?? ''} onStartOver={wizard.reset} />
      ) : (
        <Paper withBorder p="lg" radius="md">
          <Stepper active={state.step} onStepClick={(i) => (i === 0 || !basicsBlocked ? go(i) : undefined)} allowNextStepsSelect={!basicsBlocked} size="sm" wrap={false}>
            <Stepper.Step label={STEPS[0].label} description={STEPS[0].description}>
              <BasicsStep {...stepProps} units={units} />
              <StepNav onNext={() => go(1)} nextDisabled={!!basicsBlocked} blockedReason={basicsBlocked} />
            </Stepper.Step>
            <Stepper.Step label={STEPS[1].label} description={STEPS[1].description}>
              <FieldsStep {...stepProps} inherited={inherited} />
              <StepNav onBack={() => go(0)} onNext={() => go(2)} />
            </Stepper.Step>
            <Stepper.Step label={STEPS[2].label} description={STEPS[2].description}>
              <FormStep {...stepProps} />
              <StepNav onBack={() => go(1)} onNext={() => go(3)} />
            </Stepper.Step>
            <Stepper.Step label={STEPS[3].label} description={STEPS[3].description}>
              <StatesStep {...stepProps} />
              <StepNav onBack={() => go(2)} onNext={() => go(4)} />
            </Stepper.Step>
            <Stepper.Step label={STEPS[4].label} description={STEPS[4].description}>
              <AccessStep {...stepProps} />
              <StepNav onBack={() => go(3)} onNext={() => go(5)} nextLabel="Review" />
            </Stepper.Step>
            <Stepper.Step label={STEPS[5].label} description={STEPS[5].description}>
              <ReviewStep {...stepProps} documents={documents} problems={problems} save={save} />
              <StepNav onBack={() => go(4)} />
            </Stepper.Step>
          </Stepper>
        </Paper>
      )}
    </Stack>
  );
}

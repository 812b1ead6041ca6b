import { Button, Group } from '@mantine/core';
import { IconArrowLeft, IconArrowRight } from '@tabler/icons-react';

/** Back and Next under every step; Next says why it is disabled, so the user is never stuck guessing. */
export function StepNav({ onBack, onNext, nextDisabled, nextLabel = 'Next', blockedReason }: { onBack?: () => void; onNext?: () => void; nextDisabled?: boolean; nextLabel?: string; blockedReason?: string }) {
  return (
    <Group justify="space-between" mt="lg">
      {onBack ? (
        <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={onBack}>
          Back
        </Button>
      ) : (
        <span />
      )}
      {onNext && (
        <Button rightSection={<IconArrowRight size={16} />} onClick={onNext} disabled={nextDisabled} title={nextDisabled ? blockedReason : undefined}>
          {nextLabel}
        </Button>
      )}
    </Group>
  );
}

import { Alert } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';

/**
 * Tells a unit administrator what its publish takes: the server publishes only drafts inside its units, so drafts
 * of other units or of shared metadata stay for their administrators.
 */
export function UnitScopeNote({ units, others }: { units: readonly string[] | null; others: number }) {
  if (units === null) return null;
  return (
    <Alert color="blue" variant="light" icon={<IconInfoCircle />} title={`You publish for ${units.join(', ') || 'no unit'}`}>
      Only drafts inside your business unit{units.length === 1 ? '' : 's'} are shown and published.{' '}
      {others > 0
        ? `${others} other draft${others === 1 ? '' : 's'} (other units or shared metadata) ${others === 1 ? 'waits' : 'wait'} for their administrators.`
        : 'No other unit has drafts waiting.'}
    </Alert>
  );
}

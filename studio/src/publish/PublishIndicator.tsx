import { Button } from '@mantine/core';
import { IconAlertTriangle, IconUpload } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useDraftScope } from './use-draft-scope.js';

/**
 * The header's way into the publish loop: how many drafts this user's publish would take (a unit administrator's
 * own units' only) and, when the shared validators find problems in them, a warning before the click.
 */
export function PublishIndicator() {
  const scope = useDraftScope();
  const count = scope.mine.length;
  // The working snapshot holds every unit's drafts; only the platform admin's publish answers for all its problems.
  const problems = scope.units === null && count ? (scope.working?.problems.length ?? 0) : 0;
  const drafts = `${count} draft${count === 1 ? '' : 's'}`;
  const label = count ? `Review and publish: ${drafts}${problems ? `, ${problems} problem${problems === 1 ? '' : 's'}` : ''}` : 'Review and publish: no drafts';
  return (
    <Button
      component={Link}
      to="/publish"
      size="xs"
      variant={count ? 'filled' : 'default'}
      leftSection={problems ? <IconAlertTriangle size={14} /> : <IconUpload size={14} />}
      aria-label={label}
      title={label}
    >
      {count ? `Publish ${drafts}` : 'No drafts'}
    </Button>
  );
}

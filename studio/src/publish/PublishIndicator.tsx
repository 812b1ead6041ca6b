import { Button } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { Link } from 'react-router';
import { StudioDraftsDocument } from '../graphql/generated/graphql.js';
import { useGqlQuery } from '../graphql/use-gql.js';

/** The header's way into the publish loop: how many drafts wait, one click to review them. */
export function PublishIndicator() {
  const drafts = useGqlQuery(StudioDraftsDocument);
  const count = drafts.data?.metadataDrafts.length ?? 0;
  return (
    <Button component={Link} to="/publish" size="xs" variant={count ? 'filled' : 'default'} leftSection={<IconUpload size={14} />} aria-label={`Review and publish: ${count} draft${count === 1 ? '' : 's'}`}>
      {count ? `Publish ${count} draft${count === 1 ? '' : 's'}` : 'No drafts'}
    </Button>
  );
}

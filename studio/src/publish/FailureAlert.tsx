import { Alert, Code, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { READABLE_TITLE } from './readable-title.js';
import { requestFailure } from './request-failure.js';

/** A refused or failed operation, inline where it happened: the server's message and its code. */
export function FailureAlert({ title, error }: { title: string; error: unknown }) {
  const failure = requestFailure(error);
  return (
    <Alert color="red" variant="light" role="alert" title={title} icon={<IconAlertTriangle />} styles={READABLE_TITLE}>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {failure.message}
      </Text>
      <Text size="xs" mt={4}>
        Code <Code>{failure.code}</Code>
      </Text>
    </Alert>
  );
}

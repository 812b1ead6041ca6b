import { Alert, Code, Container, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** The one way a page says something went wrong: a title a person can act on, the server's words, no stack. */
export function ErrorPanel({ title, message, code, children }: { title: string; message: string; code?: string | null; children?: ReactNode }) {
  return (
    <Container size="sm" py="xl">
      <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle />} role="alert">
        <Stack gap="xs">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {message}
          </Text>
          {code && (
            <Text size="xs" c="dimmed">
              Code <Code>{code}</Code>
            </Text>
          )}
          {children}
        </Stack>
      </Alert>
    </Container>
  );
}

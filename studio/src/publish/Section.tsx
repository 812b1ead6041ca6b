import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** One numbered step of the publish loop (or a block of the overview): a heading, a line of help, the content. */
export function Section({
  step,
  title,
  description,
  status,
  actions,
  children,
}: {
  step?: number;
  title: string;
  description?: ReactNode;
  status?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Group gap="xs">
              {step !== undefined && (
                <Badge circle size="lg" variant="light" aria-hidden>
                  {step}
                </Badge>
              )}
              <Title order={3} size="h4">
                {title}
              </Title>
              {status}
            </Group>
            {description && (
              <Text size="sm" c="dimmed">
                {description}
              </Text>
            )}
          </Stack>
          {actions && <Group gap="xs">{actions}</Group>}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

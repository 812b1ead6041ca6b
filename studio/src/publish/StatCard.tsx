import { Card, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** One number of the overview with its label; a link when there is somewhere to act on it. */
export function StatCard({ label, value, tone, to, hint }: { label: string; value: ReactNode; tone: string; to?: string; hint?: string }) {
  const body = (
    <Card withBorder padding="sm" radius="md" h="100%">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={28} fw={700} c={tone === 'gray' ? undefined : `${tone}.9`} lh={1.3}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Card>
  );
  return to ? (
    <UnstyledButton component={Link} to={to} aria-label={`${label}: ${typeof value === 'number' || typeof value === 'string' ? value : ''}`}>
      {body}
    </UnstyledButton>
  ) : (
    body
  );
}

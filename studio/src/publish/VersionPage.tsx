import { Container, Text, Title } from '@mantine/core';

/** Placeholder until the designer lands (replaced in this issue). */
export function VersionPage() {
  return (
    <Container py="xl">
      <Title order={2}>VersionPage</Title>
      <Text c="dimmed">Not built yet.</Text>
    </Container>
  );
}

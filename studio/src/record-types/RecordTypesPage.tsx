import { Container, Text, Title } from '@mantine/core';

/** Placeholder until the designer lands (replaced in this issue). */
export function RecordTypesPage() {
  return (
    <Container py="xl">
      <Title order={2}>RecordTypesPage</Title>
      <Text c="dimmed">Not built yet.</Text>
    </Container>
  );
}

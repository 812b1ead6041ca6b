import { Container, Text, Title } from '@mantine/core';

/** Placeholder until the designer lands (replaced in this issue). */
export function AccessRulesDesignerPage() {
  return (
    <Container py="xl">
      <Title order={2}>AccessRulesDesignerPage</Title>
      <Text c="dimmed">Not built yet.</Text>
    </Container>
  );
}

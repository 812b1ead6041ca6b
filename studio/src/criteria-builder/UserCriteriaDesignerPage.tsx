import { Container, Text, Title } from '@mantine/core';

/** Placeholder until the designer lands (replaced in this issue). */
export function UserCriteriaDesignerPage() {
  return (
    <Container py="xl">
      <Title order={2}>UserCriteriaDesignerPage</Title>
      <Text c="dimmed">Not built yet.</Text>
    </Container>
  );
}

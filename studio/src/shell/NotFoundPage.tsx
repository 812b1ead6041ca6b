import { Anchor, Container, Text, Title } from '@mantine/core';
import { Link, useLocation } from 'react-router';

export function NotFoundPage() {
  const location = useLocation();
  return (
    <Container size="sm" py="xl">
      <Title order={2}>Nothing here</Title>
      <Text c="dimmed" mt="sm">
        The studio has no page at <code>{location.pathname}</code>.{' '}
        <Anchor component={Link} to="/">
          Go to the overview
        </Anchor>
        .
      </Text>
    </Container>
  );
}

import { Anchor, Center, Container, List, Loader, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconLockAccess } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { StudioAccessDocument } from '../graphql/generated/graphql.js';
import { useGqlQuery } from '../graphql/use-gql.js';
import { ErrorPanel } from './ErrorPanel.js';
import { EXPLORER_HREF } from './links.js';
import { AccessProvider } from './studio-context.js';
import { DevSignInControl } from '../dev-sign-in/index.js';
import { useStudio } from './studio-context.js';

/**
 * Asks `studioAccess` first: a user who may design gets the studio; anyone else a page naming the rights needed
 * (and, in development, the sign-in control to become someone who has them) — never a wall of red errors.
 */
export function AccessGate({ children }: { children: ReactNode }) {
  const query = useGqlQuery(StudioAccessDocument);
  if (query.isLoading)
    return (
      <Center h="100vh">
        <Loader aria-label="Checking your rights" />
      </Center>
    );
  if (query.error) return <ErrorPanel title="The studio could not ask the server who you are" message={query.error.message} />;
  const access = query.data!.studioAccess;
  if (!access.canDesign) return <NoRightsPage missing={access.missingRights ?? ''} who={access.displayName ? `${access.displayName} (${access.userName})` : null} />;
  return <AccessProvider value={access}>{children}</AccessProvider>;
}

function NoRightsPage({ missing, who }: { missing: string; who: string | null }) {
  const { config, session, setSession } = useStudio();
  return (
    <Container size="sm" py={64}>
      <Paper withBorder p="xl" radius="md">
        <Stack>
          <ThemeIcon size={48} radius="xl" variant="light" color="orange">
            <IconLockAccess size={28} />
          </ThemeIcon>
          <Title order={1} size="h2">
            You need administrator rights to use the studio
          </Title>
          {who && <Text>You are signed in as {who}.</Text>}
          <Text role="alert">{missing}</Text>
          <List size="sm" spacing="xs">
            <List.Item>Ask a platform administrator for the admin role, or</List.Item>
            <List.Item>to add you to a business unit's administrators criteria (for example HR's "hr_admins").</List.Item>
          </List>
          <Text size="sm" c="dimmed">
            You can still read the data you may see in the <Anchor href={EXPLORER_HREF}>GraphQL explorer</Anchor>.
          </Text>
          <DevSignInControl enabled={config.devSignIn} session={session} onSessionChange={setSession} />
        </Stack>
      </Paper>
    </Container>
  );
}

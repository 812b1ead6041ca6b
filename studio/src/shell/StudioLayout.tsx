import { Anchor, AppShell, Badge, Burger, Group, NavLink, ScrollArea, Select, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconExternalLink } from '@tabler/icons-react';
import { NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { DevSignInControl } from '../dev-sign-in/index.js';
import { useUnitFilter } from '../metadata/unit-filter.js';
import { useWorkingMetadata } from '../metadata/use-working-metadata.js';
import { PublishIndicator } from '../publish/PublishIndicator.js';
import { DESIGNERS } from './designers.js';
import { EXPLORER_HREF } from './links.js';
import { useStudio, useStudioAccess } from './studio-context.js';

/** The frame every designer renders in: header (unit, publish, identity), navigation by kind, the page. */
export function StudioLayout() {
  const [opened, { toggle }] = useDisclosure();
  const access = useStudioAccess();
  const { config, session, setSession } = useStudio();
  const [unit, setUnit] = useUnitFilter();
  const units = useWorkingMetadata(true).metadata?.snapshot.businessUnits ?? {};
  const location = useLocation();
  const search = unit ? `?unit=${encodeURIComponent(unit)}` : '';
  const current = location.pathname.split('/')[1] ?? '';
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Title order={1} size="h4">
              Atrium Studio
            </Title>
            <Select
              aria-label="Business unit"
              size="xs"
              w={190}
              value={unit ?? ''}
              allowDeselect={false}
              onChange={(value) => setUnit(value || null)}
              data={[...(access.platformAdmin ? [{ value: '', label: 'All units' }] : []), ...access.administeredUnits.map((u) => ({ value: u, label: units[u]?.label ?? u }))]}
            />
          </Group>
          <Group gap="sm" wrap="nowrap">
            <PublishIndicator />
            <Badge variant="light" color={access.platformAdmin ? 'indigo' : 'teal'}>
              {access.platformAdmin ? 'Platform admin' : `Unit admin`}
            </Badge>
            <Text size="sm" visibleFrom="md">
              {access.displayName}
            </Text>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Designers">
        <AppShell.Section grow component={ScrollArea}>
          <nav aria-label="Designers">
            {DESIGNERS.map((d) => (
              <NavLink
                key={d.path}
                component={RouterNavLink}
                to={`/${d.path}${search}`}
                end={d.path === ''}
                label={d.label}
                description={d.description}
                leftSection={<d.icon size={18} stroke={1.6} />}
                active={current === d.path}
              />
            ))}
          </nav>
        </AppShell.Section>
        <AppShell.Section>
          <Stack gap="xs" p="xs">
            <Anchor href={EXPLORER_HREF} size="sm">
              <Group gap={4}>
                GraphQL explorer <IconExternalLink size={14} />
              </Group>
            </Anchor>
            <DevSignInControl enabled={config.devSignIn} session={session} onSessionChange={setSession} />
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

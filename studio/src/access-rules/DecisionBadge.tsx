import { Tag } from './Tag.js';
import { IconCheck, IconX } from '@tabler/icons-react';

/** Allowed or denied, by colour, icon and word (never colour alone). */
export function DecisionBadge({ allowed, label }: { allowed: boolean; label?: string }) {
  return (
    <Tag color={allowed ? 'green' : 'red'} variant="light" leftSection={allowed ? <IconCheck size={12} /> : <IconX size={12} />} tt="none" style={{ flexShrink: 0 }}>
      {label ?? (allowed ? 'Allowed' : 'Denied')}
    </Tag>
  );
}

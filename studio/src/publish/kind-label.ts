import { metadataKind, type KindName } from '../../../schema/metadata/index.js';

/** A kind as a heading says it: `Record type`, `UI policy`, `ACL`. */
export function kindLabel(kind: KindName | string | null): string {
  const label = kind ? (metadataKind(kind as KindName)?.label ?? kind) : 'other';
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** A server timestamp as the studio shows it: date and time in the browser's locale. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(undefined, {
        dateStyle: 'medium',
        timeStyle: 'short',
      });
}

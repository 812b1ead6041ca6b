import { describe, expect, it } from 'vitest';
import { EMPTY_SNAPSHOT, validateSnapshot, type MetadataSnapshot, type NotificationTemplateDoc, type WebhookDoc } from '../../schema/index.js';

const world = (over: Partial<MetadataSnapshot>): MetadataSnapshot => ({
  ...EMPTY_SNAPSHOT,
  recordTypes: {
    person: { name: 'person', label: 'Person', fields: [{ name: 'name', label: 'Name', type: 'string' }] },
    ticket: {
      name: 'ticket',
      label: 'Ticket',
      numberPrefix: 'TKT',
      fields: [
        { name: 'title', label: 'Title', type: 'string' },
        { name: 'owner', label: 'Owner', type: 'reference', reference: 'person' },
      ],
    },
  },
  ...over,
});
const template = (doc: Partial<NotificationTemplateDoc>): MetadataSnapshot => world({ notificationTemplates: { t: { name: 't', recordType: 'ticket', subject: 'S', body: 'B', ...doc } } });
const webhook = (doc: Partial<WebhookDoc>): MetadataSnapshot =>
  world({ webhooks: { w: { name: 'w', url: 'https://example.test/in', recordType: 'ticket', events: ['created'], secretEnv: 'ATRIUM_WEBHOOK_SECRET', ...doc } } });
const problems = (s: MetadataSnapshot) => validateSnapshot(s).map((p) => `${p.code} ${p.path}: ${p.message}`);

describe('notification templates', () => {
  it('accept the record type’s fields, its number and record.*', () => {
    expect(problems(template({ subject: '{{number}} {{title}}', body: '{{owner}} {{{record.url}}} {{#owner}}has one{{/owner}} {{record.type}}' }))).toEqual([]);
  });

  it('name each placeholder that is not a field', () => {
    expect(problems(template({ subject: '{{titel}}', body: '{{owner.name}} {{record.id}} {{> footer}}' }))).toEqual([
      'INVALID_FIELD notificationTemplates.t.subject: the subject of template "t" names the field "titel", which record type "ticket" does not have',
      'INVALID_FIELD notificationTemplates.t.body: the body of template "t" names {{owner.name}}: a reference gives the display value of the record it points at, not its fields; use {{owner}}',
      'INVALID_FIELD notificationTemplates.t.body: the body of template "t" names {{record.id}}; the record offers only record.number, record.url, record.type',
      'INVALID_FIELD notificationTemplates.t.body: the body of template "t" includes the partial {{> footer}}; templates cannot include others',
    ]);
  });

  it('without a record type, know only record.*; an unclosed section is refused', () => {
    expect(problems(template({ recordType: undefined, subject: '{{record.number}} {{title}}', body: '{{#title}}' }))).toEqual([
      'INVALID_FIELD notificationTemplates.t.subject: the subject of template "t" names the field "title", but the template has no record type: give it one, or use only record.number, record.url and record.type',
      'INVALID_DOCUMENT notificationTemplates.t.body: the body of template "t" is not a valid mustache template: Unclosed section "title" at 10',
    ]);
  });
});

describe('webhooks', () => {
  it('accept an http(s) URL, a valid condition and a secret named by environment variable', () => {
    expect(problems(webhook({ condition: { field: 'title', op: 'contains', value: 'x' } }))).toEqual([]);
  });

  it('refuse a condition on an unknown field, transitions without states, a secret that is not a variable name', () => {
    expect(problems(webhook({ condition: { field: 'nope', op: 'eq', value: 1 }, events: ['created', 'transitioned'] }))).toEqual([
      expect.stringMatching(/^INVALID_CONDITION webhooks\.w\.condition.*nope/),
      'INVALID_DOCUMENT webhooks.w.events.1: webhook "w" listens for transitions, but record type "ticket" (and every kind of it) has no state model',
    ]);
    expect(problems(webhook({ secretEnv: 'my secret' })).join()).toMatch(/secretEnv.*the name of an environment variable starting with ATRIUM_WEBHOOK_/);
    // Any other variable could be probed through the signatures.
    expect(problems(webhook({ secretEnv: 'DATABASE_URL' })).join()).toMatch(/secretEnv.*starting with ATRIUM_WEBHOOK_/);
    expect(problems(webhook({ url: 'javascript:alert(1)' })).join()).toMatch(/url.*an absolute http:\/\/ or https:\/\/ URL/);
  });
});

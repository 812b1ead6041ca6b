import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { metadataKind } from '../../../../schema/metadata/index.js';
import { CaseTypeWizardPublishDocument, StudioSaveDraftDocument, type CaseTypeWizardPublishMutation } from '../../graphql/generated/graphql.js';
import { execute } from '../../graphql/execute.js';
import { GraphQLRequestError } from '../../graphql/request-graphql.js';
import { METADATA_QUERIES } from '../../graphql/use-gql.js';
import { kindEnum } from '../../metadata/index.js';
import { useRequestConfig } from '../../shell/studio-context.js';
import type { WizardDocument } from './build-wizard-documents.js';
import type { WizardState } from './wizard-state.js';

export interface WizardFailure {
  code: string;
  message: string;
  /** The document the server refused, when a save failed. */
  document?: string;
}

export type PublishResult = CaseTypeWizardPublishMutation['publishMetadata'];

/**
 * Saving and publishing the wizard's documents: drafts one by one in the server's order (each with the draft version
 * the wizard last saw, so a concurrent edit is a CONFLICT, not lost), the dry-run diff, then the publish.
 */
export function useWizardSave(update: (change: (prev: WizardState) => WizardState) => void) {
  const config = useRequestConfig();
  const client = useQueryClient();
  const [busy, setBusy] = useState<'saving' | 'diffing' | 'publishing' | null>(null);
  const [failure, setFailure] = useState<WizardFailure | null>(null);
  const [diff, setDiff] = useState<PublishResult | null>(null);
  const refresh = () => Promise.all(METADATA_QUERIES.map((name) => client.invalidateQueries({ queryKey: [name] })));

  const dryRun = async () => {
    setBusy('diffing');
    try {
      const r = await execute(config, CaseTypeWizardPublishDocument, { dryRun: true, message: '' });
      setDiff(r.publishMetadata);
    } catch (error) {
      setFailure(toFailure(error));
    } finally {
      setBusy(null);
    }
  };

  const saveDrafts = async (state: WizardState, documents: readonly WizardDocument[]) => {
    setFailure(null);
    setDiff(null);
    setBusy('saving');
    const versions = { ...state.saved };
    let current: WizardDocument | undefined;
    try {
      for (const d of documents) {
        current = d;
        const key = `${d.kind}:${d.name}`;
        const saved = await execute(config, StudioSaveDraftDocument, { kind: kindEnum(d.kind), document: d.doc as unknown as Record<string, unknown>, draftVersion: versions[key] ?? 0 });
        versions[key] = saved.saveMetadataDraft.draftVersion ?? 0;
      }
      update((s) => ({ ...s, saved: versions, savedSignature: JSON.stringify(documents) }));
    } catch (error) {
      update((s) => ({ ...s, saved: versions }));
      setFailure({ ...toFailure(error), document: current ? `${metadataKind(current.kind).label} ${current.name}` : undefined });
      setBusy(null);
      await refresh();
      return;
    }
    await refresh();
    await dryRun();
  };

  const publish = async (label: string) => {
    setFailure(null);
    setBusy('publishing');
    try {
      const r = await execute(config, CaseTypeWizardPublishDocument, { dryRun: false, message: `Case type ${label}, made with the wizard` });
      update((s) => ({ ...s, phase: 'published', publishedVersion: r.publishMetadata.version?.id ?? null }));
      await refresh();
    } catch (error) {
      setFailure(toFailure(error));
    } finally {
      setBusy(null);
    }
  };

  return { busy, failure, diff, saveDrafts, dryRun, publish };
}

function toFailure(error: unknown): WizardFailure {
  if (error instanceof GraphQLRequestError) return { code: String(error.errors[0]?.extensions?.code ?? 'REQUEST_FAILED'), message: error.message };
  return { code: 'REQUEST_FAILED', message: error instanceof Error ? error.message : String(error) };
}

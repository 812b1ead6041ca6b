import { printSchema, type GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { buildModel, type Model } from '../../schema/index.js';
import type { Database } from '../db/index.js';
import { metadataStore, SCHEMA_CHANNEL, type MetadataServing, type VersionRow } from '../metadata/index.js';
import { addAdminApi } from './admin/build-admin-schema.js';
import { buildRecordSchema, type GraphInfo } from './records/index.js';
import type { PageLimits } from '../records/compile/index.js';
import { SchemaMove } from '../records/schema-move.js';

export interface Prepared {
  schema: GraphQLSchema;
  graph: GraphInfo;
}

export interface Served extends Prepared {
  version: number;
}

type SchemaListener = (ctx: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void;

/**
 * The schema this process serves, by metadata version. A publish here activates its schema after commit; a
 * publish elsewhere arrives by NOTIFY and is loaded and swapped in. Requests in flight finish on their schema.
 */
export class SchemaRegistry implements MetadataServing<Prepared> {
  private served: Served | null = null;
  private readonly listeners = new Set<SchemaListener>();
  private unlisten: (() => Promise<void>) | null = null;
  private db: Database | null = null;
  private loading: Promise<void> | null = null;

  constructor(
    readonly limits: PageLimits,
    private readonly log: Logger,
  ) {}

  get current(): Served {
    if (!this.served) throw new Error('no schema loaded yet');
    return this.served;
  }

  get ready(): boolean {
    return this.served !== null;
  }

  prepare(model: Model): Prepared {
    return buildRecordSchema(model, this.limits, addAdminApi);
  }

  activate(version: VersionRow, prepared: Prepared): void {
    this.swap({ ...prepared, version: version.id });
  }

  /** Loads the newest published version (or the empty graph) and follows publishes of other processes. */
  async start(db: Database): Promise<void> {
    this.db = db;
    await this.loadHead(db);
    this.unlisten = await db.listen(SCHEMA_CHANNEL, (payload) => {
      const id = Number(payload);
      if (this.served && id <= this.served.version) return;
      this.loadHead(db).catch((err) => this.log.error({ err, version: id }, 'could not load a published schema'));
    });
  }

  async loadHead(db: Database): Promise<void> {
    const head = await metadataStore.head(db);
    if (this.served && head.id <= this.served.version) return;
    const prepared = this.prepare(buildModel(head.snapshot));
    this.swap({ ...prepared, version: head.id });
  }

  /**
   * When a statement built against `graph` failed, whether a newer version was published meanwhile (here, or on
   * another process whose NOTIFY has not arrived yet): then the move from `graph` to it, after swapping it in.
   * Null when `graph` is the newest, so the failure is the request's own.
   */
  async movedFrom(graph: GraphInfo): Promise<SchemaMove | null> {
    if (!this.db || !this.served) return null;
    if (this.served.graph === graph && (await metadataStore.headId(this.db)) > this.served.version) {
      // Failing requests arrive together; one load serves them all.
      this.loading ??= this.loadHead(this.db).finally(() => (this.loading = null));
      await this.loading;
    }
    return this.served.graph !== graph ? new SchemaMove(graph, this.served.graph) : null;
  }

  private swap(next: Served): void {
    if (this.served && next.version <= this.served.version && this.served.version !== 0) return;
    this.served = next;
    this.log.info({ version: next.version, types: next.graph.byName.size }, 'serving metadata version');
    if (this.listeners.size) {
      const sdl = printSchema(next.schema);
      for (const l of this.listeners) l({ apiSchema: next.schema, coreSupergraphSdl: sdl });
    }
  }

  /** Apollo Server's hook for schemas that change at run time (its `gateway` option). */
  gateway() {
    return {
      load: async () => ({ executor: null }),
      onSchemaLoadOrUpdate: (listener: SchemaListener) => {
        this.listeners.add(listener);
        if (this.served) listener({ apiSchema: this.served.schema, coreSupergraphSdl: printSchema(this.served.schema) });
        return () => this.listeners.delete(listener);
      },
      stop: async () => {
        await this.unlisten?.();
        this.unlisten = null;
      },
    };
  }
}

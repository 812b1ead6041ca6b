import type { MetadataService } from '../../metadata/index.js';
import type { RequestContext } from '../context.js';

export interface AdminContext extends RequestContext {
  metadata: MetadataService<unknown>;
}

export { OverviewPage } from './OverviewPage.js';
export { PublishPage } from './PublishPage.js';
export { VersionsPage } from './VersionsPage.js';
export { VersionPage } from './VersionPage.js';
export { PublishIndicator } from './PublishIndicator.js';
export { problemHref, documentHref } from './problem-href.js';

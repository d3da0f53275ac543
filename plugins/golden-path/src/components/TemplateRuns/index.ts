export { EntityTemplateRunsCard } from './EntityTemplateRunsCard';
export { EntityTemplateRunsContent } from './EntityTemplateRunsContent';

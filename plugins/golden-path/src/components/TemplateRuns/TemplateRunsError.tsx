import { EmptyState, ResponseErrorPanel } from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';
import { goldenPathTemplateRunsReadPermission } from '@golden-path/plugin-golden-path-common';

/** Whether the backend refused the user the template's runs. */
function isNotAllowed(error: Error): boolean {
  if (ResponseError.is(error)) {
    return error.statusCode === 403 || error.cause.name === 'NotAllowedError';
  }
  return error.name === 'NotAllowedError';
}

/**
 * Who may see a template's runs when the user may not, any other error as
 * the backend gave it.
 */
export function TemplateRunsError(props: { error: Error; title: string }) {
  if (isNotAllowed(props.error)) {
    return (
      <EmptyState
        missing="info"
        title="You cannot see this template's runs"
        description={
          <>
            You can see a template's runs if you own it or hold the{' '}
            <code>{goldenPathTemplateRunsReadPermission.name}</code> permission.
            Ask the template's owners or your Backstage administrators for
            access.
          </>
        }
      />
    );
  }
  return <ResponseErrorPanel error={props.error} title={props.title} />;
}

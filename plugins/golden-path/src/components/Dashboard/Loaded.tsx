import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { ReactNode } from 'react';

/**
 * A section's content once its data is loaded; until then its progress,
 * or what went wrong. `what` completes "Loading …".
 */
export function Loaded<T>(props: {
  state: { value?: T; error?: Error };
  what: string;
  children: (value: T) => ReactNode;
}) {
  const { state, what, children } = props;
  if (state.error) {
    return (
      <ResponseErrorPanel
        error={state.error}
        title={`Could not load ${what}`}
      />
    );
  }
  if (state.value === undefined) {
    return <Progress aria-label={`Loading ${what}`} />;
  }
  return <>{children(state.value)}</>;
}

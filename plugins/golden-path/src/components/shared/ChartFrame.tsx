import Box from '@material-ui/core/Box';
import { ReactElement } from 'react';
import useMeasure from 'react-use/esm/useMeasure';

/**
 * A chart as wide as its container. The chart is drawn once the width is
 * known (never where nothing measures it, such as in tests); its figures
 * should also be given as text or a table beside it.
 */
export function ChartFrame(props: {
  height: number;
  label: string;
  children: (width: number) => ReactElement;
}) {
  const [ref, { width }] = useMeasure<HTMLDivElement>();
  return (
    <Box height={props.height} role="img" aria-label={props.label}>
      <div ref={ref} style={{ width: '100%', height: '100%' }}>
        {width > 0 && props.children(width)}
      </div>
    </Box>
  );
}

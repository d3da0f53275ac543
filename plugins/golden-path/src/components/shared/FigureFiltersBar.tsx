import { Select } from '@backstage/core-components';
import { GoldenPathSummary } from '@golden-path/plugin-golden-path-common';
import Box from '@material-ui/core/Box';
import { GroupPicker } from './GroupPicker';
import { FigureFilters, RANGES } from './useFigureFilters';

const ALL_PATHS = 'all';

/** The range, team and golden path a tab's figures count. */
export function FigureFiltersBar(props: {
  filters: FigureFilters;
  onChange: (changes: Partial<FigureFilters>) => void;
  paths: GoldenPathSummary[];
}) {
  const { filters, onChange, paths } = props;
  return (
    <Box display="flex" gridGap={16} alignItems="flex-end" flexWrap="wrap">
      <Box minWidth={200}>
        <Select
          label="Range"
          items={RANGES.map(weeks => ({
            label: `Last ${weeks} weeks`,
            value: String(weeks),
          }))}
          selected={String(filters.weeks)}
          onChange={selected => onChange({ weeks: Number(selected) })}
          data-testid="range-filter"
        />
      </Box>
      <Box minWidth={260} mb={1}>
        <GroupPicker
          id="golden-path-team-filter"
          label="Team"
          value={filters.team}
          onChange={team => onChange({ team })}
        />
      </Box>
      <Box minWidth={220}>
        <Select
          label="Golden path"
          items={[
            { label: 'All golden paths', value: ALL_PATHS },
            ...paths.map(path => ({
              label: path.title,
              value: path.id,
            })),
          ]}
          selected={filters.path ?? ALL_PATHS}
          onChange={selected =>
            onChange({
              path: selected === ALL_PATHS ? undefined : String(selected),
            })
          }
          data-testid="path-filter"
        />
      </Box>
    </Box>
  );
}

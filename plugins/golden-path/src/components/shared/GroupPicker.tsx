import { entityPresentationSnapshot } from '@backstage/plugin-catalog-react';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { CatalogGroup, useCatalogGroups } from '../../hooks/useCatalogGroups';
import { errorMessage } from './errorMessage';

type Selection =
  | { multiple: true; value: string[]; onChange: (refs: string[]) => void }
  | {
      multiple?: false;
      value: string | undefined;
      onChange: (ref: string | undefined) => void;
    };

/**
 * Picks catalog groups by title. A chosen ref the catalog no longer lists
 * still shows, by its name.
 */
export function GroupPicker(
  props: Selection & {
    id: string;
    label: string;
    helperText?: string;
    disabled?: boolean;
  },
) {
  const { id, label, helperText, disabled } = props;
  const groups = useCatalogGroups();
  const options = groups.value ?? [];
  const byRef = (ref: string): CatalogGroup =>
    options.find(o => o.ref === ref) ?? {
      ref,
      title: entityPresentationSnapshot(ref, { defaultKind: 'group' })
        .primaryTitle,
    };
  const common = {
    id,
    options,
    disabled,
    loading: groups.loading,
    getOptionLabel: (option: CatalogGroup) => option.title,
    getOptionSelected: (option: CatalogGroup, value: CatalogGroup) =>
      option.ref === value.ref,
    renderInput: (params: object) => (
      <TextField
        {...params}
        label={label}
        variant="outlined"
        size="small"
        error={Boolean(groups.error)}
        helperText={
          groups.error
            ? `Could not load the catalog's groups: ${errorMessage(
                groups.error,
              )}`
            : helperText
        }
      />
    ),
  };
  if (props.multiple) {
    const { value, onChange } = props;
    return (
      <Autocomplete<CatalogGroup, true>
        {...common}
        multiple
        value={value.map(byRef)}
        onChange={(_event, chosen) => onChange(chosen.map(g => g.ref))}
      />
    );
  }
  const { value, onChange } = props;
  return (
    <Autocomplete<CatalogGroup>
      {...common}
      value={value ? byRef(value) : null}
      onChange={(_event, chosen) => onChange(chosen?.ref)}
    />
  );
}

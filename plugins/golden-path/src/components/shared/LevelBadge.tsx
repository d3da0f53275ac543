import Chip from '@material-ui/core/Chip';
import EmojiEvents from '@material-ui/icons/EmojiEvents';

/** The level an entity reached, as a labelled chip ("No level" for none). */
export function LevelBadge({ level }: { level: string | null }) {
  return (
    <Chip
      size="small"
      variant={level ? 'default' : 'outlined'}
      icon={<EmojiEvents aria-hidden />}
      label={level ? `Level: ${level}` : 'No level'}
    />
  );
}

import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../liveState';

/** A small live-connection indicator; `discreet` shows only a dot plus hidden text. */
export function ConnectionBadge({ state, discreet }: { state: ConnectionState; discreet?: boolean }) {
  const { t } = useTranslation();
  const label = t(`live.${state}`);
  return (
    <span
      className={`conn conn--${state}${discreet ? ' conn--discreet' : ''}`}
      role="status"
      aria-live="polite"
      data-testid="connection-state"
      data-state={state}
      title={label}
    >
      <span className="conn__dot" aria-hidden="true" />
      <span className={discreet ? 'visually-hidden' : 'conn__text'}>{label}</span>
    </span>
  );
}

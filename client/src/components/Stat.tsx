import type { ReactNode } from 'react';

/** One figure of a `<dl>`: its name and its value (`met`: the value's data-met, as a quorum has). */
export function Stat({ label, testId, className, met, children }: { label: ReactNode; testId?: string; className?: string; met?: boolean; children: ReactNode }) {
  return (
    <div className={className}>
      <dt>{label}</dt>
      <dd data-testid={testId} data-met={met}>{children}</dd>
    </div>
  );
}

import { useEffect, useRef } from 'react';
import { describeRefused, type RefusedValue } from '../../domain/refused';

interface Props {
  /** Safety items first. */
  refused: readonly RefusedValue[];
  /** 'finished' or 'saved': what was refused. */
  action: 'finished' | 'saved';
  /** Bumped on every refused Finish or Save; 0 until the first. Focus moves here each time. */
  attempt: number;
}

/**
 * Why Finish (or Save) was refused: every value on screen that was not saved, each saying
 * which numbers disagree and how to fix it. It stays while any is left, and goes once the
 * last one is fixed or cleared.
 */
export function RefusedBanner({ refused, action, attempt }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (attempt > 0) box.current?.focus();
  }, [attempt]);
  if (attempt === 0 || refused.length === 0) return null;
  const one = refused.length === 1;
  return (
    <div ref={box} className="banner banner-danger" role="alert" tabIndex={-1}>
      <p>
        The visit was not {action}: {one ? 'a value' : 'values'} on screen {one ? 'was' : 'were'}{' '}
        not saved. Fix or clear each one:
      </p>
      <ul>
        {refused.map((r) => (
          <li key={`${r.scaleId}:${r.key}`}>{describeRefused(r)}</li>
        ))}
      </ul>
    </div>
  );
}

import { useEffect, useRef, useState } from 'react';
import { AppButton } from '../../components/AppButton';
import { CheckIcon, CopyIcon } from '../../components/Icons';

/**
 * A value to type into Halo, shown as it must be typed, with a button that copies it. The button's name
 * says what it copies ("Copy Agent name"), and a status line tells a screen reader it worked.
 */
export function CopyValue({ label, value }: { label: string; value: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), 2000);
  }

  return (
    <div className="copy-value">
      <span className="copy-value__label">{label}</span>
      <code className="copy-value__value">{value}</code>
      <AppButton variant="quiet" size="small" onPress={copy} aria-label={`Copy ${label}`}>
        {state === 'copied' ? <CheckIcon size={14} /> : <CopyIcon size={14} />}
        {state === 'copied' ? 'Copied' : 'Copy'}
      </AppButton>
      <span className="visually-hidden" role="status">
        {state === 'copied'
          ? `${label} copied`
          : state === 'failed'
            ? 'The clipboard refused; try again.'
            : ''}
      </span>
    </div>
  );
}

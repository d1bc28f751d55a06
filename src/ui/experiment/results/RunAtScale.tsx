/**
 * "Run it at scale": shows the official train.py / test.py command lines with the same hyper-parameters as
 * the lab's runs, and what the official code cannot express, with a copy button. A disclosure, so it costs
 * nothing until opened.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { TrainingConfig } from '../../../state/training.ts';
import { officialRuns, officialScript } from './official-script.ts';
import './results.css';

export interface RunAtScaleProps {
  /** One config per run to take to the official code (e.g. one per optimizer and seed). */
  configs: readonly TrainingConfig[];
  testId?: string;
}

type CopyState = 'idle' | 'copied' | 'manual';

export function RunAtScale({ configs, testId = 'run-at-scale' }: RunAtScaleProps) {
  const runs = useMemo(() => officialRuns(configs), [configs]);
  const script = useMemo(() => officialScript(runs), [runs]);
  const [copy, setCopy] = useState<CopyState>('idle');
  const textRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (copy !== 'copied') return;
    const timer = setTimeout(() => setCopy('idle'), 2000);
    return () => clearTimeout(timer);
  }, [copy]);

  const copyScript = async () => {
    try {
      await navigator.clipboard.writeText(script);
      setCopy('copied');
    } catch {
      // No clipboard permission or API: show the script selected, ready for Ctrl+C.
      setCopy('manual');
      requestAnimationFrame(() => textRef.current?.select());
    }
  };

  return (
    <details className="run-at-scale" data-testid={testId}>
      <summary>Run it at scale</summary>
      <p>
        The same runs with the official JAX code (train.py, then test.py for the paper&apos;s metrics), for a GPU machine with the official repository
        checked out.
      </p>
      {runs.map(({ title, commands }, i) => (
        <section key={i} data-testid={`${testId}-run`}>
          <h4>{title}</h4>
          <pre>
            <code>{`${commands.trainLine}\n${commands.testLine}`}</code>
          </pre>
          {commands.warnings.length > 0 && (
            <ul className="run-at-scale-warnings">
              {commands.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
        </section>
      ))}
      <button type="button" className="export-button" data-testid={`${testId}-copy`} disabled={runs.length === 0} onClick={() => void copyScript()}>
        Copy commands
      </button>
      <span role="status">{copy === 'copied' ? ' Copied.' : copy === 'manual' ? ' Copying is not allowed here: the commands are selected below, press Ctrl+C.' : ''}</span>
      {copy === 'manual' && <textarea ref={textRef} readOnly aria-label="Official commands" value={script} rows={Math.min(20, script.split('\n').length)} cols={80} />}
    </details>
  );
}

import type { ChecklistStep } from '../../../../shared/checklist';
import type { WizardCheck } from '../../../../shared/wizard-contract';
import { CheckCircleIcon, DashCircleIcon, ErrorCircleIcon, InfoIcon } from '../../components/Icons';
import { formatRelativeTime } from '../../lib/relative-time';
import { CHECK_PROMISES } from './check-texts';

/**
 * Under each step: whether the API confirmed it (with Halo's evidence), found it wrong (with what to fix),
 * has yet to check it, or cannot see it at all, in which case the step stays manual and says so.
 */
export function SelfCheckNote({
  step,
  check,
  checkedAt,
  now,
}: {
  step: ChecklistStep;
  check: WizardCheck | undefined;
  checkedAt: string | null;
  now: Date;
}) {
  if (step.checkedBy === null) {
    return (
      <p className="self-check self-check--manual">
        <InfoIcon size={15} />
        <span>
          <strong>Manual step.</strong> Halo’s API cannot confirm this one: tick Done when it is finished.
        </span>
      </p>
    );
  }
  const when = checkedAt ? ` ${formatRelativeTime(checkedAt, now)}` : '';
  if (check?.status === 'passed') {
    return (
      <div className="self-check self-check--passed" data-check={check.id}>
        <CheckCircleIcon size={15} />
        <div>
          <strong>Confirmed by Halo{when}.</strong> {check.evidence}
        </div>
      </div>
    );
  }
  if (check?.status === 'failed') {
    return (
      <div className="self-check self-check--failed" data-check={check.id}>
        <ErrorCircleIcon size={15} />
        <div>
          <strong>Halo shows this step needs fixing{when}.</strong> {check.evidence}
          {check.missingTeams.length > 0 ? (
            <ul className="missing-teams" aria-label="Teams the agent is missing">
              {check.missingTeams.map((name) => (
                <li key={name} className="missing-teams__team">
                  {name}
                </li>
              ))}
            </ul>
          ) : null}
          <p className="self-check__fix">
            <strong>What to fix: </strong>
            {check.fix}
          </p>
        </div>
      </div>
    );
  }
  return (
    <p className="self-check self-check--pending" data-check={step.checkedBy}>
      <DashCircleIcon size={15} />
      <span>
        <strong>Checked automatically in stage E.</strong> {CHECK_PROMISES[step.checkedBy]}
        {check?.status === 'not-checked' ? ` ${check.evidence}` : ''}
      </span>
    </p>
  );
}

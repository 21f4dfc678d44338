import { CHECK_IDS } from '../../../../shared/checklist';
import type { WizardView } from '../../../../shared/wizard-contract';
import { AppButton } from '../../components/AppButton';
import { CheckCircleIcon, WarningIcon } from '../../components/Icons';
import { ArrowRightIcon } from './wizard-icons';

/**
 * Stage F: the way into organization mapping. It works best once Halo confirmed the setup (otherwise
 * customers may be missing from the list), and says so rather than blocking.
 */
export function MapStage({
  view,
  canOpenMapping,
  onOpenMapping,
  onGoToValidate,
}: {
  view: WizardView;
  canOpenMapping: boolean;
  onOpenMapping(): void;
  onGoToValidate(): void;
}) {
  const passed = view.checks.filter((check) => check.status === 'passed').length;
  const allPassed = passed === CHECK_IDS.length;
  const customers = view.checks.find((check) => check.id === 'customers');
  return (
    <div className="card wizard-map">
      {allPassed ? (
        <div className="validation-headline validation-headline--ok">
          <CheckCircleIcon size={18} />
          <div>
            <strong>Halo confirmed the setup</strong>
            <p>{customers?.evidence ?? ''} Every team and the “all” permission are in place.</p>
          </div>
        </div>
      ) : (
        <div className="validation-headline validation-headline--warning">
          <WarningIcon size={18} />
          <div>
            <strong>
              {view.checkedAt
                ? `${CHECK_IDS.length - passed} check(s) not confirmed yet`
                : 'Not validated yet'}
            </strong>
            <p>
              Mapping works with what the agent can see: with a team or a permission missing, some customers
              will not be in the list. Finish stage E first.
            </p>
          </div>
        </div>
      )}
      <p className="wizard-map__text">
        Mapping links each of your organizations to the Halo customer it is. Suggestions come from names and
        domains; nothing is saved until you review and save it.
      </p>
      <div className="wizard-map__actions">
        {canOpenMapping ? (
          <AppButton variant={allPassed ? 'primary' : 'secondary'} onPress={onOpenMapping}>
            Map organizations
            <ArrowRightIcon size={15} />
          </AppButton>
        ) : (
          <p className="wizard-note">Organization mapping is not part of this version yet.</p>
        )}
        {allPassed ? null : (
          <AppButton variant="quiet" onPress={onGoToValidate}>
            Back to stage E
          </AppButton>
        )}
      </div>
    </div>
  );
}

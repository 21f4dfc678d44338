import type { WizardProgress } from '../../../../shared/wizard-contract';
import { CheckCircleIcon, ErrorCircleIcon } from '../../components/Icons';
import { progressText } from './progress-text';
import { ListIcon } from './wizard-icons';
import './wizard.css';

/** The setup guide's progress of one instance, as a chip in the instance list. */
export function WizardProgressBadge({ progress }: { progress: WizardProgress | undefined }) {
  const { text, tone } = progressText(progress);
  const Icon = tone === 'failed' ? ErrorCircleIcon : tone === 'ok' ? CheckCircleIcon : ListIcon;
  return (
    <span className={`wizard-chip wizard-chip--${tone}`} title={text}>
      <Icon size={12} />
      <span className="wizard-chip__text">{text}</span>
    </span>
  );
}

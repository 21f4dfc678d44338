import { AGENT_PLACEHOLDER } from '../../../../shared/checklist';
import { ChevronIcon } from './wizard-icons';

/** A path through Halo's menus as a breadcrumb: "Configuration › Integrations › HaloPSA API". */
export function MenuPath({ path, agentName }: { path: readonly string[]; agentName: string | null }) {
  if (path.length === 0) return null;
  return (
    <ol className="menu-path" aria-label="Where in Halo">
      {path.map((item, index) => {
        const text = item === AGENT_PLACEHOLDER && agentName ? agentName : item;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed path; the same label can appear twice
          <li key={index} className="menu-path__item">
            {index > 0 ? (
              <span className="menu-path__sep">
                <ChevronIcon size={12} />
              </span>
            ) : null}
            <span
              className={
                item === AGENT_PLACEHOLDER ? 'menu-path__name menu-path__name--agent' : 'menu-path__name'
              }
            >
              {text}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

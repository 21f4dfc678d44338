import { AppButton } from '../components/AppButton';
import { CheckCircleIcon, KeyIcon, PlusIcon, ServerIcon, ShieldIcon } from '../components/Icons';
import './Welcome.css';

/** The first run: what the app does, in three lines, and the one thing to do next. */
export function Welcome({ onAdd }: { onAdd(): void }) {
  return (
    <div className="welcome">
      <div className="welcome__card">
        <div className="welcome__mark" aria-hidden="true">
          <ServerIcon size={28} />
        </div>
        <h1 className="welcome__title">Connect your Halo PSA</h1>
        <p className="welcome__lead">
          Halo Setup keeps the connection details of each Halo instance your integration talks to, and checks
          that they work before anything else depends on them.
        </p>
        <ul className="welcome__points">
          <li>
            <ServerIcon size={18} />
            <span>
              <strong>One instance per Halo</strong>: production, a sandbox, or each customer’s own server.
            </span>
          </li>
          <li>
            <KeyIcon size={18} />
            <span>
              <strong>The client secret stays in your OS keychain</strong>, never on disk in plain text and
              never shown again.
            </span>
          </li>
          <li>
            <CheckCircleIcon size={18} />
            <span>
              <strong>A quick validation</strong> signs in, names the API agent and counts the customers it
              can see, and says exactly what to fix when something is wrong.
            </span>
          </li>
        </ul>
        <AppButton variant="primary" className="welcome__action" onPress={onAdd}>
          <PlusIcon size={16} />
          Add your first Halo instance
        </AppButton>
        <p className="welcome__foot">
          <ShieldIcon size={14} />
          You need admin access to Halo’s Configuration › Integrations › HaloPSA API.
        </p>
      </div>
    </div>
  );
}

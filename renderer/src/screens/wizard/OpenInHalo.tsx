import { useState } from 'react';
import { HALO_PAGES, type HaloPageId } from '../../../../shared/checklist';
import { api } from '../../api';
import { AppButton } from '../../components/AppButton';
import { messageOf } from '../../lib/errors';
import { ExternalIcon } from './wizard-icons';

/**
 * "Open in Halo": asks the backend to open a named page on this instance's own host (it builds the https
 * URL; the main process checks it again). Before the host is known, says where it will come from.
 */
export function OpenInHalo({
  instanceId,
  target,
  host,
}: {
  instanceId: string;
  target: HaloPageId;
  host: string | null;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const page = HALO_PAGES[target];
  if (!host) {
    return (
      <p className="open-in-halo open-in-halo--unknown">
        <ExternalIcon size={14} /> “{page.label}” appears here once the Resource Server is saved (stage D).
      </p>
    );
  }
  async function open() {
    try {
      await api.links.openInHalo({ instanceId, target });
      setProblem(null);
    } catch (error) {
      setProblem(messageOf(error));
    }
  }
  return (
    <div className="open-in-halo">
      <AppButton variant="secondary" size="small" onPress={open}>
        <ExternalIcon size={14} />
        {page.label}
      </AppButton>
      <span className="open-in-halo__url">
        https://{host}
        {page.path === '/' ? '' : page.path}
      </span>
      {problem ? (
        <span className="open-in-halo__problem" role="alert">
          {problem}
        </span>
      ) : null}
    </div>
  );
}

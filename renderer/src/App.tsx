/**
 * The app shell: the instance list on the left, the selected instance on the right, and the first-run
 * welcome when there is nothing yet.
 *
 * Widgets come from react-aria-components (Adobe's React Aria): unstyled, so the app looks like itself,
 * but with the hard parts of accessibility done and maintained by a team that tests them across
 * browsers and screen readers: focus management and focus trapping in dialogs, keyboard navigation in
 * lists, label/description/error wiring on fields, press handling that works for mouse, touch and
 * keyboard alike. Hand-rolling those is where desktop-feeling web apps usually fail a keyboard user.
 * It needs no CSS-in-JS (the CSP allows no inline <style>); all styling is plain CSS in styles.css.
 */
import { type ReactNode, useCallback, useState } from 'react';
import type { InstanceSummary } from '../../shared/domain';
import type { WizardProgress } from '../../shared/wizard-contract';
import { api } from './api';
import { DeleteInstanceDialog } from './components/DeleteInstanceDialog';
import { InstanceSidebar } from './components/InstanceSidebar';
import { NameDialog } from './components/NameDialog';
import { useInstances } from './lib/use-instances';
import { useNow } from './lib/use-now';
import { InstanceView } from './screens/instances/InstanceView';
import { DirectoryLink } from './screens/mapping/organizations/DirectoryLink';
import { OrganizationsScreen } from './screens/mapping/organizations/OrganizationsScreen';
import { Welcome } from './screens/Welcome';
import { useWizardOverview } from './screens/wizard/use-wizard-overview';
import { WizardProgressBadge } from './screens/wizard/WizardProgressBadge';

type NameDialogState = { kind: 'create' } | { kind: 'rename'; instance: InstanceSummary } | null;

export function App() {
  const { list, refresh } = useInstances();
  const now = useNow();
  // Read again whenever the instance list is, i.e. after anything changed an instance.
  const progress = useWizardOverview(list.state === 'ready' ? list : undefined);
  const renderProgress = useCallback(
    (instance: InstanceSummary) =>
      progress === null ? null : <WizardProgressBadge progress={progress.get(instance.id)} />,
    [progress],
  );
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [nameDialog, setNameDialog] = useState<NameDialogState>(null);
  const [deleting, setDeleting] = useState<InstanceSummary | null>(null);
  // Our organizations is shared by every instance, so it sits beside them, not inside one.
  const [showDirectory, setShowDirectory] = useState(false);

  const instances = list.state === 'ready' ? list.instances : [];
  const selected = instances.find((instance) => instance.id === selectedId) ?? instances[0] ?? null;

  async function create(name: string) {
    const created = await api.instances.create({ name });
    await refresh();
    setSelectedId(created.id);
  }

  async function rename(id: string, name: string) {
    await api.instances.rename({ id, name });
    await refresh();
  }

  async function remove(instance: InstanceSummary) {
    await api.instances.delete({ id: instance.id });
    const remaining = await refresh();
    if (selectedId === instance.id) setSelectedId(remaining[0]?.id ?? null);
  }

  let main: ReactNode;
  if (list.state === 'loading') {
    main = <p className="loading">Loading…</p>;
  } else if (list.state === 'error') {
    main = (
      <div className="banner banner--error" role="alert">
        {list.message}
      </div>
    );
  } else if (showDirectory) {
    main = <OrganizationsScreen />;
  } else if (selected) {
    main = (
      <InstanceView
        key={selected.id}
        instance={selected}
        now={now}
        onRename={() => setNameDialog({ kind: 'rename', instance: selected })}
        onDelete={() => setDeleting(selected)}
        onChanged={() => void refresh()}
        setupInProgress={progress === null ? undefined : setupUnderWay(progress.get(selected.id))}
      />
    );
  }

  const firstRun = list.state === 'ready' && instances.length === 0;

  return (
    <div className={firstRun ? 'app app--first-run' : 'app'}>
      {firstRun ? (
        <main className="main main--welcome">
          <Welcome onAdd={() => setNameDialog({ kind: 'create' })} />
        </main>
      ) : (
        <>
          <InstanceSidebar
            instances={instances}
            selectedId={showDirectory ? null : (selected?.id ?? null)}
            onSelect={(id) => {
              setShowDirectory(false);
              setSelectedId(id);
            }}
            top={<DirectoryLink current={showDirectory} onOpen={() => setShowDirectory(true)} />}
            onNew={() => setNameDialog({ kind: 'create' })}
            now={now}
            renderProgress={renderProgress}
          />
          <main className="main">{main}</main>
        </>
      )}

      <NameDialog
        isOpen={nameDialog?.kind === 'create'}
        onClose={() => setNameDialog(null)}
        title="New Halo instance"
        description="Name it the way your team talks about it, such as “Production” or “Contoso sandbox”. You add the connection details next."
        submitLabel="Create instance"
        onSubmit={create}
      />
      <NameDialog
        isOpen={nameDialog?.kind === 'rename'}
        onClose={() => setNameDialog(null)}
        title="Rename instance"
        description="Only the name changes; the configuration and the stored secret stay as they are."
        submitLabel="Rename"
        initialName={nameDialog?.kind === 'rename' ? nameDialog.instance.name : ''}
        onSubmit={(name) =>
          nameDialog?.kind === 'rename' ? rename(nameDialog.instance.id, name) : Promise.resolve()
        }
      />
      <DeleteInstanceDialog instance={deleting} onClose={() => setDeleting(null)} onDelete={remove} />
    </div>
  );
}

/** The guide was started and is not yet finished and confirmed by Halo: reopen the instance on it. */
function setupUnderWay(progress: WizardProgress | undefined): boolean | undefined {
  if (!progress) return undefined;
  const started = progress.doneSteps > 0 || progress.currentStage !== 'agent';
  const finished = progress.currentStage === 'map' && progress.failedChecks.length === 0;
  return started && !finished;
}

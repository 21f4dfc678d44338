import { type ReactNode, useEffect, useState } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import type { InstanceSummary } from '../../../../shared/domain';
import type { ConfigurationView } from '../../../../shared/ipc';
import { api } from '../../api';
import { AppButton } from '../../components/AppButton';
import { KeyIcon, PencilIcon, TrashIcon } from '../../components/Icons';
import { StatusBadge } from '../../components/StatusBadge';
import { messageOf } from '../../lib/errors';
import { instanceSlot } from '../../lib/instance-memory';
import { ConfigurationForm } from '../configuration/ConfigurationForm';
import { MappingScreen } from '../mapping/MappingScreen';
import { useValidationRun } from '../validation/use-validation-run';
import { ValidationPanel } from '../validation/ValidationPanel';
import { WizardSection } from '../wizard/WizardSection';
import './InstanceView.css';

interface SectionProps {
  instance: InstanceSummary;
  now: Date;
  onChanged(): void;
  /** Switches to another section (e.g. the setup guide's last stage opens mapping); false if none such. */
  openSection(id: string): boolean;
}

/**
 * The screens of one instance. Today there is one; the setup guide and organization mapping arrive
 * as more entries here, and the tab bar appears as soon as there are two.
 */
const SECTIONS: ReadonlyArray<{ id: string; label: string; render(props: SectionProps): ReactNode }> = [
  { id: 'connection', label: 'Connection', render: (props) => <ConnectionSection {...props} /> },
  {
    id: 'setup',
    label: 'Setup guide',
    render: (props) => (
      <WizardSection
        instance={props.instance}
        now={props.now}
        onChanged={props.onChanged}
        canOpenMapping={SECTIONS.some((section) => section.id === 'mapping')}
        onOpenMapping={() => props.openSection('mapping')}
      />
    ),
  },
  {
    id: 'mapping',
    label: 'Organization mapping',
    render: (props) => <MappingScreen instance={props.instance} now={props.now} />,
  },
];

/** The tab the technician last chose per instance: switching instances and back lands there again. */
const chosenSections = instanceSlot<string>();

export function InstanceView({
  instance,
  now,
  onRename,
  onDelete,
  onChanged,
  setupInProgress,
}: {
  instance: InstanceSummary;
  now: Date;
  onRename(): void;
  onDelete(): void;
  /** Something about the instance changed (saved, validated): refresh the list. */
  onChanged(): void;
  /**
   * Whether the setup guide is under way (started, not yet all confirmed): then the instance reopens on
   * the guide, which resumes at its saved stage. Undefined while the progress is still loading.
   */
  setupInProgress?: boolean | undefined;
}) {
  const [first] = SECTIONS;
  const remembered = chosenSections.get(instance.id);
  const [sectionId, setSectionId] = useState<string>(remembered ?? first?.id ?? '');
  const [userChoseSection, setUserChoseSection] = useState(remembered !== undefined);
  useEffect(() => {
    if (setupInProgress && !userChoseSection) setSectionId('setup');
  }, [setupInProgress, userChoseSection]);
  const chooseSection = (id: string) => {
    if (id === sectionId) return;
    setUserChoseSection(true);
    setSectionId(id);
    chosenSections.set(instance.id, id);
  };
  const openSection = (id: string): boolean => {
    if (!SECTIONS.some((section) => section.id === id)) return false;
    chooseSection(id);
    return true;
  };
  const props: SectionProps = { instance, now, onChanged, openSection };
  return (
    <div className="instance-view">
      <header className="instance-header">
        <div className="instance-header__titles">
          <h1 className="instance-header__name">{instance.name}</h1>
          <div className="instance-header__meta">
            <span
              className={
                instance.resourceServer
                  ? 'instance-header__host'
                  : 'instance-header__host instance-header__host--none'
              }
            >
              {instance.resourceServer ?? 'Not configured'}
            </span>
            <StatusBadge last={instance.lastValidation} now={now} />
            {instance.hasClientSecret ? (
              <span className="secret-chip">
                <KeyIcon size={12} />
                secret stored
              </span>
            ) : null}
          </div>
        </div>
        <div className="instance-header__actions">
          <AppButton variant="quiet" onPress={onRename}>
            <PencilIcon size={15} />
            Rename
          </AppButton>
          <AppButton variant="quiet" className="button--quiet-danger" onPress={onDelete}>
            <TrashIcon size={15} />
            Delete
          </AppButton>
        </div>
      </header>
      {SECTIONS.length > 1 ? (
        <Tabs
          className="sections"
          selectedKey={sectionId}
          onSelectionChange={(key) => chooseSection(String(key))}
        >
          <TabList aria-label={`${instance.name} screens`} className="sections__tabs">
            {SECTIONS.map((section) => (
              <Tab key={section.id} id={section.id} className="sections__tab">
                {section.label}
              </Tab>
            ))}
          </TabList>
          {SECTIONS.map((section) => (
            <TabPanel key={section.id} id={section.id} className="sections__panel">
              {section.render(props)}
            </TabPanel>
          ))}
        </Tabs>
      ) : first ? (
        <div className="sections__panel">{first.render(props)}</div>
      ) : null}
    </div>
  );
}

/** The configuration form beside the validation panel; saving runs a validation right away. */
function ConnectionSection({ instance, now, onChanged }: SectionProps) {
  const [loaded, setLoaded] = useState<
    | { state: 'loading' }
    | { state: 'ready'; configuration: ConfigurationView | null }
    | { state: 'error'; message: string }
  >({ state: 'loading' });
  const { run, start, cancel } = useValidationRun(instance.id, onChanged);

  useEffect(() => {
    let live = true;
    api.config
      .get({ instanceId: instance.id })
      .then((response) => live && setLoaded({ state: 'ready', configuration: response.configuration }))
      .catch((error: unknown) => live && setLoaded({ state: 'error', message: messageOf(error) }));
    return () => {
      live = false;
    };
  }, [instance.id]);

  if (loaded.state === 'loading') {
    return <p className="loading">Loading the configuration…</p>;
  }
  if (loaded.state === 'error') {
    return (
      <p className="banner banner--error" role="alert">
        {loaded.message}
      </p>
    );
  }
  return (
    <div className="connection">
      <ConfigurationForm
        instanceId={instance.id}
        configuration={loaded.configuration}
        onSaved={(configuration) => {
          setLoaded({ state: 'ready', configuration });
          onChanged();
          void start();
        }}
      />
      <ValidationPanel
        instance={instance}
        configuration={loaded.configuration}
        run={run}
        onValidate={() => void start()}
        onCancel={() => void cancel()}
        now={now}
      />
    </div>
  );
}

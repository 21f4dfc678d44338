import type { ReactNode } from 'react';
import { ListBox, ListBoxItem } from 'react-aria-components';
import type { InstanceSummary } from '../../../shared/domain';
import { unsavedText, useUnsavedWork } from '../lib/unsaved-work';
import { AppButton } from './AppButton';
import { KeyIcon, PlusIcon, ServerIcon } from './Icons';
import { StatusBadge } from './StatusBadge';
import './InstanceSidebar.css';

/**
 * The list of Halo instances: a react-aria ListBox, so arrow keys, Home/End and type-ahead work and a
 * screen reader announces the selection. Each row shows where the instance points and how it fared.
 */
export function InstanceSidebar({
  instances,
  selectedId,
  onSelect,
  onNew,
  now,
  renderProgress,
  top,
}: {
  instances: InstanceSummary[];
  selectedId: string | null;
  onSelect(id: string): void;
  onNew(): void;
  now: Date;
  /** Extra status for a row, e.g. the setup guide's progress ("Teams: 2 missing"). */
  renderProgress?: (instance: InstanceSummary) => ReactNode;
  /** Shown above the instance list, e.g. the link to the organization directory all instances share. */
  top?: ReactNode;
}) {
  const unsaved = useUnsavedWork();
  return (
    <nav className="sidebar" aria-label="Halo instances">
      <div className="sidebar__inner">
        {top}
        <div className="sidebar__header">
          <h2 className="sidebar__title">Halo instances</h2>
          <span className="sidebar__count" aria-hidden="true">
            {instances.length}
          </span>
        </div>
        <ListBox
          aria-label="Halo instances"
          className="instance-list"
          items={instances}
          selectionMode="single"
          selectionBehavior="replace"
          disallowEmptySelection
          selectedKeys={selectedId ? [selectedId] : []}
          // Rows render from `instances`; these change what a row shows without changing its item.
          dependencies={[now, renderProgress, unsaved]}
          onSelectionChange={(keys) => {
            if (keys === 'all') return;
            const [first] = [...keys];
            if (typeof first === 'string') onSelect(first);
          }}
          renderEmptyState={() => <p className="instance-list__empty">No instances yet.</p>}
        >
          {(instance) => (
            <ListBoxItem id={instance.id} textValue={instance.name} className="instance-row">
              <span className="instance-row__icon" aria-hidden="true">
                <ServerIcon size={16} />
              </span>
              <span className="instance-row__body">
                <span className="instance-row__name">{instance.name}</span>
                <span
                  className={
                    instance.resourceServer
                      ? 'instance-row__host'
                      : 'instance-row__host instance-row__host--none'
                  }
                >
                  {instance.resourceServer ?? 'Not configured'}
                </span>
                <span className="instance-row__meta">
                  <StatusBadge last={instance.lastValidation} now={now} />
                  {instance.hasClientSecret ? (
                    <span className="secret-chip" title="The client secret is stored in the OS keychain">
                      <KeyIcon size={12} />
                      secret stored
                    </span>
                  ) : null}
                </span>
                {unsaved.has(instance.id) ? (
                  <span className="unsaved-marker" data-testid="unsaved-marker">
                    <span className="unsaved-marker__dot" aria-hidden="true" />
                    {unsavedText(unsaved.get(instance.id) ?? new Set())}
                  </span>
                ) : null}
                {renderProgress ? (
                  <span className="instance-row__meta">{renderProgress(instance)}</span>
                ) : null}
              </span>
            </ListBoxItem>
          )}
        </ListBox>
        <div className="sidebar__footer">
          <AppButton variant="secondary" className="sidebar__new" onPress={onNew}>
            <PlusIcon size={15} />
            New instance
          </AppButton>
        </div>
      </div>
    </nav>
  );
}

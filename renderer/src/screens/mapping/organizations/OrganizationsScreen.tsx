import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { Input, SearchField } from 'react-aria-components';
import type { Organization, OrganizationSource } from '../../../../../shared/mapping-contract';
import { plural } from '../../../../../shared/plural';
import { ApiError, api } from '../../../api';
import { AppButton } from '../../../components/AppButton';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { PencilIcon, PlusIcon, TrashIcon } from '../../../components/Icons';
import { messageOf } from '../../../lib/errors';
import { useNow } from '../../../lib/use-now';
import { formatCount } from '../mapping-labels';
import { OrganizationDialog } from './OrganizationDialog';
import { OrganizationImport } from './OrganizationImport';
import { SourceFileLink } from './SourceFileLink';
import '../mapping.css';
import './organizations.css';

const ROW = 48;
const FALLBACK_RECT = { width: 900, height: ROW * 12 };
const observeRect: typeof observeElementRect = (instance, callback) =>
  observeElementRect(instance, (rect) => callback(rect.height > 0 ? rect : FALLBACK_RECT));

type Editing = { organization: Organization | null } | null;

/**
 * Our organizations: the one directory every instance maps from. A top-level screen rather than part
 * of an instance, because editing it changes what every instance's mapping screen lists. Virtualised
 * like the mapping list: an import may bring 50,000 rows.
 */
export function OrganizationsScreen() {
  const [organizations, setOrganizations] = useState<Organization[] | null>(null);
  const [source, setSource] = useState<OrganizationSource | null>(null);
  const [error, setError] = useState<string | null>(null);
  const now = useNow();
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search);
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<{ organization: Organization; mapped: boolean } | null>(null);

  const load = useCallback(async () => {
    try {
      const listed = await api.organizations.list();
      setOrganizations(listed.organizations);
      setSource(listed.source);
      setError(null);
    } catch (caught) {
      setError(messageOf(caught));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const shown = useMemo(() => {
    const all = organizations ?? [];
    const words = deferred.trim().toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0) return all;
    return all.filter((organization) => {
      const key = [
        organization.name,
        organization.domain ?? '',
        organization.externalId ?? '',
        organization.microsoftTenantId ?? '',
        ...organization.domains,
      ]
        .join('\u0000')
        .toLowerCase();
      return words.every((word) => key.includes(word));
    });
  }, [organizations, deferred]);

  async function remove(organization: Organization, force: boolean) {
    try {
      await api.organizations.remove(
        force ? { ids: [organization.id], force: true } : { ids: [organization.id] },
      );
      setRemoving(null);
      await load();
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'conflict' && !force) {
        setRemoving({ organization, mapped: true });
      } else {
        setError(messageOf(caught));
        setRemoving(null);
      }
    }
  }

  return (
    <section className="organizations-screen" aria-labelledby="organizations-title">
      <header className="instance-header">
        <div className="instance-header__titles">
          <h1 id="organizations-title" className="instance-header__name">
            Our organizations
          </h1>
          <p className="organizations-screen__lead">
            One directory for every Halo instance: each instance’s mapping screen lists these organizations.
          </p>
        </div>
        <div className="instance-header__actions">
          <AppButton variant="primary" onPress={() => setEditing({ organization: null })}>
            <PlusIcon size={15} />
            Add organization
          </AppButton>
        </div>
      </header>
      <div className="card organizations-import">
        <div>
          <h2 className="card__title">Import from a file</h2>
          <p className="card__subtitle">
            CSV with a <code>name</code> column (optional <code>domain</code>, <code>external_id</code>,{' '}
            <code>Microsoft Tenant ID</code> and <code>Domains</code>; a header row is detected), or JSON.
            Rows merge by external id, else by name; nothing is deleted. A file with a problem is refused
            whole.
          </p>
        </div>
        <OrganizationImport onImported={() => void load()} />
      </div>
      <SourceFileLink source={source} now={now} onChanged={() => void load()} onError={setError} />
      {error ? (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      ) : null}
      {organizations === null ? (
        <p className="loading">Loading organizations…</p>
      ) : (
        <>
          <div className="filter-bar__row">
            <SearchField
              className="mapping-search"
              aria-label="Search our organizations"
              value={search}
              onChange={setSearch}
            >
              <Input
                className="field__input mapping-search__input"
                placeholder="Search by name, domain or id"
              />
            </SearchField>
            <span className="filter-bar__shown">
              {deferred ? `${formatCount(shown.length)} of ` : ''}
              {plural(organizations.length, 'organization')}
            </span>
          </div>
          {organizations.length === 0 ? (
            <p className="mapping-none">No organizations yet: import a file or add one.</p>
          ) : (
            <OrganizationList
              organizations={shown}
              onEdit={(organization) => setEditing({ organization })}
              onRemove={(organization) => setRemoving({ organization, mapped: false })}
            />
          )}
        </>
      )}
      <OrganizationDialog
        isOpen={editing !== null}
        organization={editing?.organization ?? null}
        onClose={() => setEditing(null)}
        onSaved={() => void load()}
      />
      <ConfirmDialog
        isOpen={removing !== null}
        title={`Remove “${removing?.organization.name ?? ''}”?`}
        text={
          removing?.mapped
            ? 'It is mapped or excluded in at least one instance. Removing it deletes those mappings too.'
            : 'It leaves the directory and every instance’s mapping screen.'
        }
        confirmLabel={removing?.mapped ? 'Remove with its mappings' : 'Remove'}
        onConfirm={() => removing && void remove(removing.organization, removing.mapped)}
        onCancel={() => setRemoving(null)}
      />
    </section>
  );
}

function OrganizationList({
  organizations,
  onEdit,
  onRemove,
}: {
  organizations: readonly Organization[];
  onEdit(organization: Organization): void;
  onRemove(organization: Organization): void;
}) {
  const scrollRef = useRef<HTMLTableElement>(null);
  const virtualizer = useVirtualizer({
    count: organizations.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW,
    overscan: 8,
    getItemKey: (index) => organizations[index]?.id ?? index,
    observeElementRect: observeRect,
  });
  return (
    <table
      ref={scrollRef}
      className="org-list"
      aria-label="Our organizations"
      aria-rowcount={organizations.length + 1}
    >
      <thead className="mapping-list__thead">
        <tr aria-rowindex={1} className="org-list__head">
          <th scope="col">Name</th>
          <th scope="col">Domain</th>
          <th scope="col">External id</th>
          <th scope="col">Microsoft tenant</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody className="org-list__body" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const organization = organizations[item.index];
          if (!organization) return null;
          return (
            <tr
              key={item.key}
              aria-rowindex={item.index + 2}
              className="org-row"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <td className="org-row__name" title={organization.name}>
                {organization.name}
              </td>
              <DomainsCell organization={organization} />
              <td className="org-row__muted">{organization.externalId ?? '—'}</td>
              <td className="org-row__muted" title={organization.microsoftTenantId ?? undefined}>
                {organization.microsoftTenantId ?? '—'}
              </td>
              <td className="org-row__actions">
                <AppButton
                  size="small"
                  variant="quiet"
                  aria-label={`Edit ${organization.name}`}
                  onPress={() => onEdit(organization)}
                >
                  <PencilIcon size={14} />
                  Edit
                </AppButton>
                <AppButton
                  size="small"
                  variant="quiet"
                  className="button--quiet-danger"
                  aria-label={`Remove ${organization.name}`}
                  onPress={() => onRemove(organization)}
                >
                  <TrashIcon size={14} />
                  Remove
                </AppButton>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The organization's domain and its other domains from the file, all of them in the tooltip. */
function DomainsCell({ organization }: { organization: Organization }) {
  const all = [organization.domain, ...organization.domains].filter(
    (domain, index, list): domain is string => domain !== null && list.indexOf(domain) === index,
  );
  const [first, ...more] = all;
  return (
    <td className="org-row__muted" title={all.length > 1 ? all.join(', ') : undefined}>
      {first ?? '—'}
      {more.length > 0 ? ` +${more.length}` : ''}
    </td>
  );
}

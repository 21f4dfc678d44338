import { forwardRef } from 'react';
import {
  Group,
  Input,
  Label,
  NumberField,
  SearchField,
  ToggleButton,
  ToggleButtonGroup,
} from 'react-aria-components';
import type { MappingStatus } from '../../../../shared/mapping-contract';
import { AppButton } from '../../components/AppButton';
import { formatCount, STATUS_HINT, STATUS_LABEL, STATUS_ORDER } from './mapping-labels';
import type { StatusFilter } from './row-filter';
import type { TopLevel } from './row-order';
import './FilterBar.css';

const SHARED_LABEL = 'Shared client';
const SHARED_HINT =
  'Mapped to a Halo client that another organization maps to as well: usually a duplicate or a wrong pick';

/**
 * Filter chips with counts (one per status, and All), the search box, and the bulk accept of the
 * suggestions at or above a score among the rows the filter shows.
 */
export const FilterBar = forwardRef<
  HTMLInputElement,
  {
    counts: Record<MappingStatus, number>;
    total: number;
    /** Organizations mapped to a Halo client another organization maps to too. */
    sharedCount: number;
    filter: StatusFilter;
    onFilter(filter: StatusFilter): void;
    search: string;
    onSearch(search: string): void;
    shown: number;
    /** How many suggested rows in view score at least `minScore`. */
    acceptable: number;
    minScore: number;
    onMinScore(score: number): void;
    onAcceptAll(): void;
    /** Whether bulk accept also takes suggestions of inactive Halo clients (off by default). */
    acceptInactive: boolean;
    onAcceptInactive(include: boolean): void;
    /** Suggestions in view at the score that bulk accept leaves out because their client is inactive. */
    skippedInactive: number;
    busy: boolean;
    /** The cached clients' top levels, and the one the list is narrowed to (null: all). */
    topLevels: readonly TopLevel[];
    topLevel: number | null;
    onTopLevel(toplevelId: number | null): void;
    /** Ticked rows in view: while there are some, their bulk actions replace the bulk accept. */
    selectedCount: number;
    onExcludeSelected(): void;
    onClearSelected(): void;
    onUnselect(): void;
  }
>(function FilterBar(props, searchRef) {
  const chips: StatusFilter[] = ['all', ...STATUS_ORDER, 'shared'];
  return (
    <div className="filter-bar">
      <ToggleButtonGroup
        aria-label="Show rows by status"
        className="filter-chips"
        selectionMode="single"
        disallowEmptySelection
        selectedKeys={[props.filter]}
        onSelectionChange={(keys) => {
          const [first] = [...keys];
          if (typeof first === 'string') props.onFilter(first as StatusFilter);
        }}
      >
        {chips.map((chip) => {
          const count =
            chip === 'all' ? props.total : chip === 'shared' ? props.sharedCount : props.counts[chip];
          const label = chip === 'all' ? 'All' : chip === 'shared' ? SHARED_LABEL : STATUS_LABEL[chip];
          const hint =
            chip === 'all' ? 'Every organization' : chip === 'shared' ? SHARED_HINT : STATUS_HINT[chip];
          return (
            <ToggleButton
              key={chip}
              id={chip}
              className={`filter-chip filter-chip--${chip}${count === 0 ? ' filter-chip--empty' : ''}`}
              aria-label={`${label} (${count})`}
            >
              <span title={hint}>{label}</span>
              <span className="filter-chip__count">{formatCount(count)}</span>
            </ToggleButton>
          );
        })}
      </ToggleButtonGroup>
      <div className="filter-bar__row">
        <SearchField
          className="mapping-search"
          aria-label="Search organizations"
          value={props.search}
          onChange={props.onSearch}
        >
          <Input
            ref={searchRef}
            className="field__input mapping-search__input"
            placeholder="Names, domains, clients…  ( / )"
          />
        </SearchField>
        <span className="filter-bar__shown" aria-live="polite">
          {formatCount(props.shown)} shown
        </span>
        {props.topLevels.length > 0 ? (
          <select
            className="field__input top-level-filter"
            aria-label="Filter by Halo top level"
            value={props.topLevel ?? ''}
            onChange={(event) =>
              props.onTopLevel(event.target.value === '' ? null : Number(event.target.value))
            }
          >
            <option value="">All top levels</option>
            {props.topLevels.map((level) => (
              <option key={level.id} value={level.id}>
                {level.name} ({formatCount(level.clients)})
              </option>
            ))}
          </select>
        ) : null}
        {props.selectedCount > 0 ? (
          <fieldset className="bulk-selection" aria-label="Ticked rows">
            <span className="bulk-selection__count">{formatCount(props.selectedCount)} ticked</span>
            <AppButton variant="secondary" onPress={props.onExcludeSelected} isDisabled={props.busy}>
              Exclude
            </AppButton>
            <AppButton variant="secondary" onPress={props.onClearSelected} isDisabled={props.busy}>
              Clear mapping
            </AppButton>
            <AppButton variant="quiet" onPress={props.onUnselect}>
              Untick all
            </AppButton>
          </fieldset>
        ) : (
          <div className="bulk-accept">
            <NumberField
              className="bulk-accept__score"
              value={props.minScore}
              onChange={(value) => !Number.isNaN(value) && props.onMinScore(value)}
              minValue={0}
              maxValue={1}
              step={0.01}
              formatOptions={{ minimumFractionDigits: 2, maximumFractionDigits: 2 }}
            >
              <Label className="bulk-accept__label">Score ≥</Label>
              <Group className="bulk-accept__group">
                <Input className="field__input bulk-accept__input" />
              </Group>
            </NumberField>
            <AppButton
              variant="secondary"
              onPress={props.onAcceptAll}
              isDisabled={props.acceptable === 0 || props.busy}
              aria-label={`Accept ${props.acceptable} suggestions in view`}
            >
              Accept {formatCount(props.acceptable)}
              <span className="bulk-accept__wide"> suggestions in view</span>
            </AppButton>
            <span className="bulk-accept__inactive-note">
              <label className="bulk-accept__inactive">
                <input
                  type="checkbox"
                  checked={props.acceptInactive}
                  onChange={(event) => props.onAcceptInactive(event.target.checked)}
                />
                Include inactive clients
              </label>
              {props.skippedInactive > 0 ? (
                <span className="bulk-accept__skipped" data-testid="skipped-inactive">
                  {formatCount(props.skippedInactive)} to inactive clients skipped
                </span>
              ) : null}
            </span>
          </div>
        )}
      </div>
    </div>
  );
});

/** "What the statuses mean": every status and the shared-client filter in a sentence. */
export function StatusLegend() {
  return (
    <details className="status-legend">
      <summary>What the statuses mean</summary>
      <dl>
        {STATUS_ORDER.map((status) => (
          <div key={status} className="status-legend__item">
            <dt>
              <span className={`status-pill status-pill--${status}`}>{STATUS_LABEL[status]}</span>
            </dt>
            <dd>{STATUS_HINT[status]}</dd>
          </div>
        ))}
        <div className="status-legend__item">
          <dt>{SHARED_LABEL}</dt>
          <dd>{SHARED_HINT}</dd>
        </div>
      </dl>
    </details>
  );
}

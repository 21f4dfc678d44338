import { type ButtonHTMLAttributes, memo } from 'react';
import type { MappingEdit, MappingRow } from '../../../../shared/mapping-contract';
import { AlsoMappedFrom, ClientPicker } from './ClientPicker';
import type { ClientSearchIndex } from './client-search';
import { clientDetails, describeValue, STATUS_HINT, STATUS_LABEL, signalWithScore } from './mapping-labels';

/** A row's height: two lines of name over its domain, beside the picker over the client's details. */
export const ROW_HEIGHT = 50;
/** Folded (narrow lists), Status and Why take a second line under the row. */
export const ROW_HEIGHT_FOLDED = 74;

export interface RowProps {
  row: MappingRow;
  /** 1-based position in the filtered list, for aria-rowindex. */
  position: number;
  top: number;
  clients: ClientSearchIndex;
  /**
   * The row that Tab reaches (roving tabindex): it and its own controls are the list's tab stops; the
   * controls of other rows are reached through their row (arrow keys, then Tab), not by Tab alone.
   */
  isActive: boolean;
  /** Ticked for a bulk action. */
  isSelected: boolean;
  /** Tick or untick the row at `position`; `range` (Shift) ticks every row from the last one ticked. */
  onSelect(position: number, range: boolean): void;
  onEdit(edits: MappingEdit[], label?: string): void;
  onFocusRow(position: number): void;
  /** Client id to the organizations mapped to it in this instance's draft ("also mapped from"). */
  mappedFrom: ReadonlyMap<number, string[]>;
}

/**
 * One organization: who it is, its status, the Halo client it maps to (a type-to-filter picker), why
 * (the suggestion or the mapping's signal, the runner-up, the problem of a Stale or Conflict row), and
 * the one or two actions that make sense for its status. Memoised: a keystroke in the search box or
 * an edit of another row does not re-render it.
 */
export const MappingRowView = memo(function MappingRowView({
  row,
  position,
  top,
  clients,
  isActive,
  isSelected,
  onSelect,
  onEdit,
  onFocusRow,
  mappedFrom,
}: RowProps) {
  const tabIndex = isActive ? 0 : -1;
  const { organization, status, draft, suggestion } = row;
  const id = organization.id;
  const name = organization.name;
  const mapped = draft.state === 'mapped' ? draft : null;
  const one = (edit: MappingEdit) => onEdit([edit]);
  return (
    <tr
      aria-rowindex={position + 1}
      aria-label={`${name}: ${STATUS_LABEL[status]}`}
      tabIndex={isActive ? 0 : -1}
      className={`mapping-row mapping-row--${status}${isSelected ? ' mapping-row--selected' : ''}`}
      data-row-id={id}
      data-position={position}
      style={{ transform: `translateY(${top}px)` }}
      onFocus={() => onFocusRow(position)}
    >
      <td className="mapping-row__select">
        <input
          type="checkbox"
          className="row-select"
          aria-label={`Select ${name}`}
          checked={isSelected}
          // Space on the row ticks it, so Tab goes from the row straight to its Halo client picker.
          tabIndex={-1}
          // A click (not change) carries Shift: Shift+click ticks the range from the last ticked row.
          onClick={(event) => onSelect(position, event.shiftKey)}
          onChange={() => {}}
        />
      </td>
      <td className="mapping-row__org">
        <span className="mapping-row__name" title={name}>
          {name}
        </span>
        <span className="mapping-row__sub">
          {organization.domain ? <span className="mapping-row__domain">{organization.domain}</span> : null}
          {row.alsoMappedIn.map((other) => (
            <span
              key={other.instanceId}
              className="tag tag--info"
              title={`Mapped in ${other.instanceName} to ${other.clientName} (#${other.clientId})`}
            >
              also mapped in {other.instanceName}
            </span>
          ))}
          {mapped ? <AlsoMappedFrom names={mappedFrom.get(mapped.clientId)} except={name} /> : null}
        </span>
      </td>
      <td className="mapping-row__status">
        <span className={`status-pill status-pill--${status}`} title={STATUS_HINT[status]}>
          {STATUS_LABEL[status]}
        </span>
      </td>
      <td className="mapping-row__client">
        {draft.state === 'excluded' ? (
          <span className="mapping-row__excluded">Not mapped on purpose</span>
        ) : (
          <div className="mapping-row__picker">
            <ClientPicker
              index={clients}
              value={mapped}
              label={`Halo client for ${name}`}
              suggested={status === 'suggested' ? (suggestion?.clientName ?? null) : null}
              onChange={(client) => one({ organizationId: id, action: 'set', clientId: client.id })}
              mappedFrom={mappedFrom}
              organizationName={name}
              tabIndex={tabIndex}
            />
            {mapped ? (
              <button
                type="button"
                className="icon-button"
                aria-label={`Clear the Halo client of ${name}`}
                title="Leave unmapped"
                tabIndex={tabIndex}
                onClick={() => one({ organizationId: id, action: 'clear' })}
              >
                ×
              </button>
            ) : null}
          </div>
        )}
        <span className="mapping-row__detail">{clientLine(row, clients)}</span>
      </td>
      <td className="mapping-row__why">
        <WhyCell row={row} />
      </td>
      <td className="mapping-row__actions">
        {status === 'suggested' && suggestion ? (
          <>
            <RowButton
              tabIndex={tabIndex}
              variant="primary"
              aria-label={`Accept ${suggestion.clientName ?? ''} for ${name}`}
              onClick={() => one({ organizationId: id, action: 'accept' })}
            >
              Accept
            </RowButton>
            <RowButton
              tabIndex={tabIndex}
              variant="quiet"
              aria-label={`Reject the suggestion for ${name}`}
              onClick={() => one({ organizationId: id, action: 'reject' })}
            >
              Reject
            </RowButton>
          </>
        ) : null}
        {status === 'stale' && row.staleReason === 'renamed' ? (
          <RowButton
            tabIndex={tabIndex}
            variant="secondary"
            aria-label={`Keep the mapping of ${name} under the new name`}
            onClick={() => one({ organizationId: id, action: 'accept' })}
          >
            Use new name
          </RowButton>
        ) : null}
        {row.changed ? (
          <RowButton
            tabIndex={tabIndex}
            variant="quiet"
            aria-label={`Revert ${name} to what is saved`}
            onClick={() => one({ organizationId: id, action: 'revert' })}
          >
            Revert
          </RowButton>
        ) : null}
        {draft.state === 'excluded' ? (
          <RowButton
            tabIndex={tabIndex}
            variant="quiet"
            aria-label={`Include ${name}`}
            onClick={() => one({ organizationId: id, action: 'include' })}
          >
            Include
          </RowButton>
        ) : status !== 'suggested' ? (
          <RowButton
            tabIndex={tabIndex}
            variant="quiet"
            aria-label={`Exclude ${name}`}
            onClick={() => one({ organizationId: id, action: 'exclude' })}
          >
            Exclude
          </RowButton>
        ) : null}
      </td>
    </tr>
  );
});

/** The "why" column: the suggestion under review, or how the chosen client came to be, or the problem. */
function WhyCell({ row }: { row: MappingRow }) {
  const { status, draft, saved, suggestion, problem } = row;
  if (status === 'conflict' || status === 'stale') {
    return (
      <span className={`mapping-row__problem mapping-row__problem--${status}`} title={problem ?? ''}>
        {problem}
      </span>
    );
  }
  if (status === 'suggested' && suggestion) {
    const runnerUp = suggestion.runnerUp
      ? `runner-up ${suggestion.runnerUp.name} ${suggestion.runnerUp.score.toFixed(2)}`
      : '';
    return (
      <>
        <span className="mapping-row__suggestion">
          <span className={`signal signal--${suggestion.signal}`}>
            {signalWithScore(suggestion.signal, suggestion.score)}
          </span>
          {runnerUp ? (
            <span className="mapping-row__muted" title={runnerUp}>
              {runnerUp}
            </span>
          ) : null}
        </span>
        <span className="mapping-row__reason" title={suggestion.reason}>
          {suggestion.reason}
        </span>
      </>
    );
  }
  if (status === 'changed') {
    return (
      <>
        {draft.state === 'mapped' && draft.signal ? (
          <span className="signal">{signalWithScore(draft.signal, draft.score)}</span>
        ) : null}
        <span className="mapping-row__reason">was {describeValue(saved)}</span>
        {problem ? <span className="mapping-row__reason">{problem}</span> : null}
      </>
    );
  }
  if (draft.state === 'mapped' && draft.signal) {
    return <span className="signal">{signalWithScore(draft.signal, draft.score)}</span>;
  }
  if (status === 'unmapped' && suggestion) {
    return (
      <span className="mapping-row__reason" title={suggestion.reason}>
        {suggestion.reason.charAt(0).toUpperCase()}
        {suggestion.reason.slice(1)}
      </span>
    );
  }
  return null;
}

/** Under the picker: what tells the chosen (or suggested) client apart, e.g. "#31 · Customers". */
function clientLine(row: MappingRow, clients: ClientSearchIndex): string {
  if (row.client) return clientDetails(row.client);
  if (row.draft.state === 'mapped') return `#${row.draft.clientId}`;
  const suggestedId = row.status === 'suggested' ? row.suggestion?.clientId : null;
  if (suggestedId == null) return '';
  const suggested = clients.byId.get(suggestedId);
  return `Suggested · ${suggested ? clientDetails(suggested) : `#${suggestedId}`}`;
}

/**
 * A row's action: a native button with the app's button looks. Rows mount and unmount constantly while
 * the list scrolls, and a plain button costs a fraction of react-aria's Button (press, hover and focus
 * hooks) there; keyboard and screen readers get a real <button> either way.
 */
function RowButton({
  variant,
  children,
  ...props
}: { variant: 'primary' | 'secondary' | 'quiet' } & Omit<
  ButtonHTMLAttributes<HTMLButtonElement>,
  'type' | 'className'
>) {
  return (
    <button type="button" className={`button button--small button--${variant} row-button`} {...props}>
      {children}
    </button>
  );
}

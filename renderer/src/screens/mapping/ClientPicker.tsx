import { useContext, useEffect, useMemo, useRef, useState } from 'react';
import {
  Button,
  ComboBox,
  ComboBoxStateContext,
  Input,
  ListBox,
  ListBoxItem,
  Popover,
} from 'react-aria-components';
import type { HaloOptionClient } from '../../../../shared/mapping-contract';
import { type ClientSearchIndex, searchClients } from './client-search';
import { formatCount } from './mapping-labels';
import './ClientPicker.css';

const SHOWN = 50;

/**
 * The Halo client of one row: react-aria's ComboBox (type to filter, arrow keys, Enter, Escape, screen
 * reader announcements), fed by our own in-memory search. The list is controlled, so react-aria never
 * builds a collection of 10,000 clients: closed, it holds only the chosen client; open, the best 50
 * matches, with "50 of 1,234" to say more exist.
 */
export function ClientPicker(props: ClientPickerProps) {
  // A row shows a plain button until someone uses it: a react-aria ComboBox per row costs several
  // milliseconds to mount, which a fast scroll through 10,000 rows pays twenty times a frame.
  // 'closed' when reached by Tab (focus alone never pops a list open), 'open' when pressed or opened
  // from the row with Enter.
  const [live, setLive] = useState<false | 'open' | 'closed'>(false);
  const pressed = useRef(false);
  if (live) return <LiveClientPicker {...props} openAtStart={live === 'open'} />;
  const {
    value,
    suggested,
    label,
    placeholder = 'Choose a Halo client…',
    isDisabled = false,
    tabIndex,
  } = props;
  const text = value?.clientName ?? suggested ?? placeholder;
  const stubClass = ['client-picker__input', 'client-picker__stub'];
  if (!value) stubClass.push(suggested ? 'client-picker__input--suggested' : 'client-picker__stub--empty');
  return (
    <div className="client-picker">
      <div className="client-picker__field">
        <button
          type="button"
          className={stubClass.join(' ')}
          // The accessible name holds the visible text too (WCAG 2.5.3, "label in name"), also when empty.
          aria-label={`${label}: ${value ? value.clientName : suggested ? `none yet, suggested ${suggested}` : `none. ${placeholder}`}`}
          aria-haspopup="listbox"
          disabled={isDisabled}
          tabIndex={tabIndex}
          // On focus, not on pointerdown: the press's own focus step comes after pointerdown and would
          // otherwise land on the removed button and take the focus away from the new field.
          onPointerDown={() => {
            pressed.current = true;
          }}
          onFocus={(event) => {
            const open = pressed.current || event.currentTarget.dataset.openOnFocus === 'true';
            setLive(open ? 'open' : 'closed');
          }}
        >
          {text}
        </button>
        <span className="client-picker__button" aria-hidden="true">
          <Chevron />
        </span>
      </div>
    </div>
  );
}

function Chevron() {
  return (
    <svg width="12" height="12" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M6 9l6 6 6-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

interface ClientPickerProps {
  index: ClientSearchIndex;
  value: { clientId: number; clientName: string } | null;
  onChange(client: HaloOptionClient): void;
  /** Accessible name, e.g. "Halo client for Acme". */
  label: string;
  isDisabled?: boolean;
  placeholder?: string;
  /** A suggestion waiting for review: shown in the empty field, set apart from a real choice. */
  suggested?: string | null;
  /** Client id to the organizations already mapped to it here: options say "also mapped from …". */
  mappedFrom?: ReadonlyMap<number, string[]>;
  /** The organization this picker is for (left out of its own "also mapped from"). */
  organizationName?: string;
  /** Open the list as soon as the real picker is in place (it was pressed, or Enter on its row). */
  openAtStart?: boolean;
  /** -1 keeps the picker out of the Tab order (a row that is not the list's current one). */
  tabIndex?: number;
}

/** Opens the surrounding ComboBox once, when it mounts. */
function OpenOnMount() {
  const state = useContext(ComboBoxStateContext);
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current || !state) return;
    opened.current = true;
    state.open(null, 'manual');
  }, [state]);
  return null;
}

function LiveClientPicker({
  index,
  value,
  onChange,
  label,
  isDisabled = false,
  placeholder = 'Choose a Halo client…',
  suggested = null,
  mappedFrom,
  organizationName,
  openAtStart = false,
  tabIndex,
}: ClientPickerProps) {
  const chosenName = value?.clientName ?? '';
  const [inputValue, setInputValue] = useState(chosenName);
  const [open, setOpen] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  // It replaces the stand-in button that was just focused: take the focus over.
  useEffect(() => inputRef.current?.focus(), []);
  // Undo, redo or an accept elsewhere change the value: show it.
  useEffect(() => setInputValue(chosenName), [chosenName]);

  // A mapped client the cache does not have (gone from Halo) still shows under its saved name.
  const chosen: HaloOptionClient | null = value
    ? (index.byId.get(value.clientId) ?? {
        id: value.clientId,
        name: value.clientName,
        toplevelId: null,
        toplevelName: null,
        inactive: false,
        mainSiteName: null,
        website: null,
      })
    : null;

  const typed = inputValue !== chosenName;
  const found = useMemo(
    () => (open ? searchClients(index, typed ? inputValue : '', SHOWN) : null),
    [open, index, typed, inputValue],
  );
  const items = useMemo(() => {
    if (!found) return chosen ? [chosen] : [];
    if (!chosen || typed || found.clients.some((client) => client.id === chosen.id)) return found.clients;
    return [chosen, ...found.clients.slice(0, SHOWN - 1)];
  }, [found, chosen, typed]);

  return (
    <ComboBox
      className="client-picker"
      aria-label={label}
      items={items}
      selectedKey={chosen?.id ?? null}
      onSelectionChange={(key) => {
        if (key === null) return; // clearing goes through the row's Clear button, never by accident
        const client = items.find((item) => item.id === key);
        if (client && client.id !== value?.clientId) onChange(client);
      }}
      inputValue={inputValue}
      onInputChange={setInputValue}
      onOpenChange={setOpen}
      // Typing or the chevron opens the list; focus alone (Tab through the rows) does not.
      menuTrigger="input"
      isDisabled={isDisabled}
      allowsEmptyCollection
    >
      <div className="client-picker__field">
        <Input
          ref={inputRef}
          className={
            suggested ? 'client-picker__input client-picker__input--suggested' : 'client-picker__input'
          }
          placeholder={suggested ?? placeholder}
          spellCheck={false}
          tabIndex={tabIndex}
          onKeyDown={(event) => {
            // Escape with the list closed leaves the picker for its row, so arrows move between rows again.
            if (event.key !== 'Escape' || open) return;
            event.currentTarget.closest<HTMLElement>('tr')?.focus();
          }}
        />
        {openAtStart ? <OpenOnMount /> : null}
        <Button className="client-picker__button" aria-label="Show Halo clients">
          <Chevron />
        </Button>
      </div>
      <Popover className="client-popover" placement="bottom start" offset={4}>
        <ListBox<HaloOptionClient>
          className="client-popover__list"
          renderEmptyState={() => (
            <p className="client-popover__empty">
              {index.clients.length === 0
                ? 'No Halo clients cached yet: run Refresh Options.'
                : `No Halo client matches “${inputValue}”.`}
            </p>
          )}
        >
          {(client) => (
            <ListBoxItem id={client.id} textValue={client.name} className="client-option">
              <span className="client-option__name">{client.name}</span>
              <span className="client-option__meta">
                #{client.id}
                {client.toplevelName ? ` · ${client.toplevelName}` : ''}
                {client.mainSiteName ? ` · ${client.mainSiteName}` : ''}
              </span>
              {client.inactive ? <span className="tag tag--muted">inactive</span> : null}
              <AlsoMappedFrom names={mappedFrom?.get(client.id)} except={organizationName} />
            </ListBoxItem>
          )}
        </ListBox>
        {found && found.total > items.length ? (
          <p className="client-popover__more">
            Showing {formatCount(items.length)} of {formatCount(found.total)}: type more to narrow.
          </p>
        ) : null}
      </Popover>
    </ComboBox>
  );
}

/** "also mapped from Acme": other organizations of this instance already mapped to the client. */
export function AlsoMappedFrom({
  names,
  except,
}: {
  names: readonly string[] | undefined;
  except?: string | undefined;
}) {
  const others = names?.filter((name) => name !== except) ?? [];
  if (others.length === 0) return null;
  const text = `also mapped from ${others.join(', ')}`;
  return (
    <span className="tag tag--warning also-mapped-from" title={text}>
      {text}
    </span>
  );
}

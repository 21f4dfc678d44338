import {
  Button,
  Dialog,
  DialogTrigger,
  FileTrigger,
  Heading,
  Menu,
  MenuItem,
  MenuTrigger,
  Popover,
} from 'react-aria-components';
import type { ExportSource, FileFormat, MappingSummary } from '../../../../shared/mapping-contract';
import { plural } from '../../../../shared/plural';
import { AppButton } from '../../components/AppButton';
import { RefreshIcon } from '../../components/Icons';
import { SHORTCUTS, shortcutText } from './shortcuts';
import './MappingToolbar.css';

export interface ToolbarProps {
  summary: MappingSummary;
  refreshing: boolean;
  suggesting: boolean;
  busy: boolean;
  onRefresh(): void;
  onSuggest(): void;
  onUndo(): void;
  onRedo(): void;
  onDiscard(): void;
  onSave(): void;
  onExport(format: FileFormat, source: ExportSource): void;
  onImport(file: File): void;
  helpOpen: boolean;
  onHelpOpenChange(open: boolean): void;
}

/** Why Save is disabled, in words, or null when it is enabled. */
export function saveBlockedReason(summary: MappingSummary): string | null {
  if (summary.counts.conflict > 0) {
    return `Pick a Halo client for ${plural(summary.counts.conflict, 'row whose client is', 'rows whose client is')} not in Halo to save`;
  }
  if (!summary.unsavedChanges) return 'Nothing to save';
  return null;
}

/**
 * The mapping toolbar, in the order of the weekly routine: refresh from Halo, suggest, review (undo,
 * redo, discard), save; files (export, import) and the shortcut help at the end.
 */
export function MappingToolbar(props: ToolbarProps) {
  const { summary } = props;
  const blocked = saveBlockedReason(summary);
  return (
    <div className="mapping-toolbar" role="toolbar" aria-label="Mapping actions">
      <div className="mapping-toolbar__group">
        <AppButton onPress={props.onRefresh} isDisabled={props.refreshing}>
          <RefreshIcon size={15} className={props.refreshing ? 'spin' : undefined} />
          Refresh Options
        </AppButton>
        <AppButton
          onPress={props.onSuggest}
          isDisabled={props.suggesting || props.refreshing || summary.options === null}
        >
          <SparkIcon />
          {props.suggesting ? 'Suggesting…' : 'Suggest Values'}
        </AppButton>
      </div>
      <div className="mapping-toolbar__group">
        <AppButton
          variant="quiet"
          onPress={props.onUndo}
          isDisabled={!summary.canUndo || props.busy}
          aria-label={summary.undoLabel ? `Undo ${summary.undoLabel}` : 'Undo'}
          aria-keyshortcuts={'Control+Z Meta+Z'}
        >
          <ArrowIcon direction="back" />
          Undo
        </AppButton>
        <AppButton
          variant="quiet"
          onPress={props.onRedo}
          isDisabled={!summary.canRedo || props.busy}
          aria-label={summary.redoLabel ? `Redo ${summary.redoLabel}` : 'Redo'}
          aria-keyshortcuts={'Control+Shift+Z Meta+Shift+Z Control+Y'}
        >
          <ArrowIcon direction="forward" />
          Redo
        </AppButton>
        <AppButton
          variant="quiet"
          onPress={props.onDiscard}
          isDisabled={!summary.unsavedChanges || props.busy}
          aria-label="Discard draft"
        >
          Discard
        </AppButton>
      </div>
      <div className="mapping-toolbar__group mapping-toolbar__group--end">
        <MenuTrigger>
          <AppButton variant="quiet">Export</AppButton>
          <Popover className="menu-popover" placement="bottom end">
            <Menu
              className="menu"
              aria-label="Export mappings"
              onAction={(key) => {
                const [source, format] = String(key).split('-') as [ExportSource, FileFormat];
                props.onExport(format, source);
              }}
            >
              <MenuItem id="saved-csv" className="menu__item">
                Saved mappings as CSV
              </MenuItem>
              <MenuItem id="saved-json" className="menu__item">
                Saved mappings as JSON
              </MenuItem>
              <MenuItem id="draft-csv" className="menu__item">
                Draft (with unsaved changes) as CSV
              </MenuItem>
              <MenuItem id="draft-json" className="menu__item">
                Draft (with unsaved changes) as JSON
              </MenuItem>
            </Menu>
          </Popover>
        </MenuTrigger>
        <FileTrigger
          acceptedFileTypes={['.csv', '.json', 'text/csv', 'application/json']}
          onSelect={(files) => {
            const file = files?.[0];
            if (file) props.onImport(file);
          }}
        >
          <AppButton variant="quiet" isDisabled={props.busy}>
            Import…
          </AppButton>
        </FileTrigger>
        <DialogTrigger isOpen={props.helpOpen} onOpenChange={props.onHelpOpenChange}>
          <Button className="help-button" aria-label="Keyboard shortcuts">
            ?
          </Button>
          <Popover className="help-popover" placement="bottom end">
            <Dialog className="help-popover__dialog">
              <Heading slot="title" className="help-popover__title">
                Keyboard shortcuts
              </Heading>
              <dl className="shortcut-list">
                {SHORTCUTS.map((shortcut) => (
                  <div key={shortcut.keys} className="shortcut-list__item">
                    <dt>
                      <kbd>{shortcutText(shortcut.keys)}</kbd>
                    </dt>
                    <dd>{shortcut.action}</dd>
                  </div>
                ))}
              </dl>
            </Dialog>
          </Popover>
        </DialogTrigger>
        <div className="mapping-toolbar__save">
          <AppButton
            variant="primary"
            onPress={props.onSave}
            isDisabled={blocked !== null || props.busy}
            aria-describedby={blocked ? 'save-blocked-reason' : undefined}
            aria-keyshortcuts={'Control+S Meta+S'}
          >
            Save Mappings{summary.changeCount > 0 ? ` (${summary.changeCount})` : ''}
          </AppButton>
          {blocked && summary.unsavedChanges ? (
            <span id="save-blocked-reason" className="mapping-toolbar__blocked">
              {blocked}
            </span>
          ) : null}
        </div>
      </div>
    </div>
  );
}

function SparkIcon() {
  return (
    <svg width="15" height="15" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d="M12 3l1.8 5.2L19 10l-5.2 1.8L12 17l-1.8-5.2L5 10l5.2-1.8L12 3zM19 15l.9 2.1L22 18l-2.1.9L19 21l-.9-2.1L16 18l2.1-.9L19 15z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinejoin="round"
      />
    </svg>
  );
}

function ArrowIcon({ direction }: { direction: 'back' | 'forward' }) {
  const d =
    direction === 'back' ? 'M9 14L4 9l5-5M4 9h11a5 5 0 010 10h-3' : 'M15 14l5-5-5-5M20 9H9a5 5 0 000 10h3';
  return (
    <svg width="15" height="15" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d={d}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.75"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

import type { ChannelName, ParsedRequestOf, ResponseOf } from '../../../shared/ipc';
import type { BackendContext } from '../context';
import { refreshOptions } from '../options/refresh-options';
import { getConfiguration, saveConfiguration } from './configuration';
import { instanceHoldings } from './instance-holdings';
import { createInstance, deleteInstance, listInstances, renameInstance } from './instances';
import { openInHalo } from './links';
import {
  cancelSuggest,
  diffMappings,
  discardMappings,
  editMappings,
  exportMappings,
  getMappings,
  importMappings,
  redoMappings,
  saveMappings,
  suggestMappingsForInstance,
  undoMappings,
} from './mappings';
import { cancelRefresh, getOptions } from './options';
import {
  importOrganizations,
  linkOrganizationSource,
  listOrganizations,
  removeOrganizations,
  upsertOrganization,
} from './organizations';
import { cancelValidation } from './validation';
import {
  checkWizard,
  getWizard,
  setWizardStage,
  setWizardStep,
  validateAndFollowGuide,
  wizardOverview,
} from './wizard';

export type Handler<C extends ChannelName> = (
  context: BackendContext,
  request: ParsedRequestOf<C>,
) => ResponseOf<C> | Promise<ResponseOf<C>>;

/** One handler per channel; the mapped type makes a missing or mistyped handler a compile error. */
export const handlers: { [C in ChannelName]: Handler<C> } = {
  'app:info': (context) => ({ ...context.appInfo, secretStore: context.secrets.description }),
  'instances:list': listInstances,
  'instances:create': createInstance,
  'instances:rename': renameInstance,
  'instances:delete': deleteInstance,
  'config:get': getConfiguration,
  'config:save': saveConfiguration,
  'config:validate': validateAndFollowGuide,
  'config:cancelValidation': cancelValidation,
  'organizations:list': listOrganizations,
  'organizations:upsert': upsertOrganization,
  'organizations:remove': removeOrganizations,
  'organizations:import': importOrganizations,
  'organizations:linkSource': linkOrganizationSource,
  'options:refresh': (context, request) =>
    context.refreshes.track(request.instanceId, () => refreshOptions(context, request)),
  'options:cancel': cancelRefresh,
  'options:get': getOptions,
  'mappings:get': getMappings,
  'mappings:edit': editMappings,
  'mappings:suggest': suggestMappingsForInstance,
  'mappings:cancelSuggest': cancelSuggest,
  'mappings:undo': undoMappings,
  'mappings:redo': redoMappings,
  'mappings:discard': discardMappings,
  'mappings:diff': diffMappings,
  'mappings:save': saveMappings,
  'mappings:export': exportMappings,
  'mappings:import': importMappings,
  'wizard:get': getWizard,
  'wizard:setStep': setWizardStep,
  'wizard:setStage': setWizardStage,
  'wizard:check': checkWizard,
  'wizard:overview': wizardOverview,
  'links:openInHalo': openInHalo,
  'instances:holdings': instanceHoldings,
  'options:status': (context, request) => context.refreshes.status(request.instanceId, request.wait === true),
};

/**
 * The channel names alone, free of zod, so the preload bundle stays tiny. shared/ipc.ts checks at
 * compile time that this list and the contract's keys are the same set.
 */
export const channelNames = [
  'app:info',
  'instances:list',
  'instances:create',
  'instances:rename',
  'instances:delete',
  'config:get',
  'config:save',
  'config:validate',
  'config:cancelValidation',
  // organization mapping (shared/mapping-contract.ts)
  'organizations:list',
  'organizations:upsert',
  'organizations:remove',
  'organizations:import',
  'organizations:linkSource',
  'options:refresh',
  'options:cancel',
  'options:get',
  'mappings:get',
  'mappings:edit',
  'mappings:suggest',
  'mappings:cancelSuggest',
  'mappings:undo',
  'mappings:redo',
  'mappings:discard',
  'mappings:diff',
  'mappings:save',
  'mappings:export',
  'mappings:import',
  // setup wizard (shared/wizard-contract.ts)
  'wizard:get',
  'wizard:setStep',
  'wizard:setStage',
  'wizard:check',
  'wizard:overview',
  'links:openInHalo',
  // running work that outlives its screen (shared/refresh-status-contract.ts)
  'options:status',
  // what an instance holds, for the delete dialog (shared/instance-impact-contract.ts)
  'instances:holdings',
] as const;

export type ChannelNameFromList = (typeof channelNames)[number];

/** The one ipc channel on which the backend pushes events to the renderer. */
export const BACKEND_EVENT_CHANNEL = 'backend:event';

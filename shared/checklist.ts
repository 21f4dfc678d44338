/**
 * The Halo side of the integration as a checklist: the fourteen steps of the integration guide this app
 * follows, grouped into the wizard's stages A-F, each with the exact Halo menu path, the mistakes people
 * make there, and whether the API can confirm it afterwards. Plain data, no zod and no React, so the
 * backend (self-checks), the renderer (the wizard) and the tests read the same words.
 */

import { FULL_SCOPE, MINIMUM_SCOPE } from './halo-scopes';

export const STAGE_IDS = ['agent', 'application', 'teams', 'configure', 'validate', 'map'] as const;
export type StageId = (typeof STAGE_IDS)[number];

export const STEP_IDS = [
  'sign-in',
  'agents-new',
  'agent-create',
  'agent-permissions',
  'halo-api-page',
  'application-create',
  'view-applications',
  'application-new',
  'auth-method',
  'permissions-tab',
  'scope-all',
  'agent-teams',
  'teams-add',
  'teams-select-all',
] as const;
export type StepId = (typeof STEP_IDS)[number];

/** What the API can confirm after a successful validation. */
export const CHECK_IDS = ['agent', 'customers', 'application', 'scope', 'teams'] as const;
export type CheckId = (typeof CHECK_IDS)[number];

/**
 * Pages "Open in Halo" may open, always on the instance's own host. Only paths known to exist on Halo's
 * web app: where a deeper page's address is not certain (agents, teams), the link opens Configuration
 * and the step's menu path says where to click next, rather than risk a dead link.
 */
export const HALO_PAGES = {
  home: { path: '/', label: 'Open Halo' },
  configuration: { path: '/config', label: 'Open Configuration in Halo' },
  'halo-api': { path: '/config/integrations/api', label: 'Open HaloPSA API in Halo' },
  applications: { path: '/config/integrations/api/applications', label: 'Open Applications in Halo' },
} as const;
export type HaloPageId = keyof typeof HALO_PAGES;
export const HALO_PAGE_IDS = Object.keys(HALO_PAGES) as [HaloPageId, ...HaloPageId[]];

/** A value the technician types into Halo: shown with a copy button. */
export interface CopyValue {
  label: string;
  value: string;
}

export interface ChecklistStep {
  id: StepId;
  /** 1-14, as in the integration guide. */
  number: number;
  stage: StageId;
  title: string;
  /** Where to click in Halo, in Halo's own words; `AGENT_PLACEHOLDER` stands for the API agent's name. */
  menuPath: readonly string[];
  /** What to do there, complete enough to follow without the guide. */
  instructions: readonly string[];
  copyValues: readonly CopyValue[];
  openInHalo: HaloPageId | null;
  /** The mistakes people make at this step, and what they cost. */
  mistakes: readonly string[];
  /** The self-check that confirms this step, or null when the API cannot see it. */
  checkedBy: CheckId | null;
}

export interface Stage {
  id: StageId;
  letter: 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
  title: string;
  /** One sentence: what this stage achieves. */
  summary: string;
}

export const STAGES: readonly Stage[] = [
  {
    id: 'agent',
    letter: 'A',
    title: 'Create the API agent',
    summary:
      'A dedicated agent for the integration: every API call acts as this agent and sees what it may see.',
  },
  {
    id: 'application',
    letter: 'B',
    title: 'Create the application',
    summary:
      'An API application that signs in as that agent with a Client ID and Secret. Paste both here when Halo shows them: they go straight into stage D.',
  },
  {
    id: 'teams',
    letter: 'C',
    title: 'Teams',
    summary:
      'Put the agent in every team. Halo hides the customers of teams an agent is not in, without any error.',
  },
  {
    id: 'configure',
    letter: 'D',
    title: 'Configure',
    summary: 'The six values from Halo, saved in this app. The secret goes to the OS keychain.',
  },
  {
    id: 'validate',
    letter: 'E',
    title: 'Validate',
    summary: 'The app signs in to Halo and proves which of the steps above were done right.',
  },
  {
    id: 'map',
    letter: 'F',
    title: 'Map organizations',
    summary: 'With a working connection, link your organizations to Halo customers.',
  },
];

/** Stands for the API agent's name in a menu path; the wizard fills in the name once Halo told it. */
export const AGENT_PLACEHOLDER = '(the API agent)';
export const SUGGESTED_AGENT_NAME = 'Rewst API';
export const SUGGESTED_APPLICATION_NAME = 'Rewst Integration';
export const AUTH_METHOD = 'Client ID and Secret (Services)';
export const REQUIRED_SCOPE = FULL_SCOPE;

export const CHECKLIST: readonly ChecklistStep[] = [
  {
    id: 'sign-in',
    number: 1,
    stage: 'agent',
    title: 'Log in to Halo PSA as an administrator',
    menuPath: [],
    instructions: [
      'Sign in to this instance with an account that can change Configuration: agents, API applications and team membership are all administrator settings.',
    ],
    copyValues: [],
    openInHalo: 'home',
    mistakes: [
      'Signed in as an ordinary agent, the Configuration menus below are missing or read-only. Use an administrator account.',
    ],
    checkedBy: null,
  },
  {
    id: 'agents-new',
    number: 2,
    stage: 'agent',
    title: 'Go to Configuration > Agents > New',
    menuPath: ['Configuration', 'Agents', 'New'],
    instructions: [
      'Open Configuration, then Agents, and click New. In recent Halo versions Agents sits under Configuration > Teams & Agents.',
    ],
    copyValues: [],
    openInHalo: 'configuration',
    mistakes: [
      'Reusing a person’s agent: the integration then breaks when that person leaves, and every change it makes is logged under their name.',
    ],
    checkedBy: null,
  },
  {
    id: 'agent-create',
    number: 3,
    stage: 'agent',
    title: 'Create an agent for the integration to use',
    menuPath: ['Configuration', 'Agents', 'New', 'Details'],
    instructions: [
      `Name it so everyone recognises it, for example “${SUGGESTED_AGENT_NAME}”. Make sure it is enabled, then save.`,
      'If your Halo offers it, mark the agent as an API-only agent.',
    ],
    copyValues: [{ label: 'Agent name', value: SUGGESTED_AGENT_NAME }],
    openInHalo: null,
    mistakes: [
      'An API-only agent needs no Halo licence: do not skip this step, or reuse a person’s agent, because no licence seat is free.',
      'A disabled agent gets no customers through the API: leave it enabled.',
    ],
    checkedBy: 'agent',
  },
  {
    id: 'agent-permissions',
    number: 4,
    stage: 'agent',
    title: 'Grant the agent the permissions the integration should have',
    menuPath: ['Configuration', 'Agents', AGENT_PLACEHOLDER, 'Permissions'],
    instructions: [
      'Give the agent the access levels the integration needs; to map organizations it must at least read customers.',
      'Tick “Allow use of all Customers”. Save.',
    ],
    copyValues: [{ label: 'Setting', value: 'Allow use of all Customers' }],
    openInHalo: null,
    mistakes: [
      'Without “Allow use of all Customers” the agent sees only some customers. Halo answers with fewer rows, never an error, so mapping silently misses the rest.',
      'The application’s effective permissions are what the application AND the agent may do: a generous application cannot make up for a restricted agent.',
    ],
    checkedBy: 'customers',
  },
  {
    id: 'halo-api-page',
    number: 5,
    stage: 'application',
    title: 'Go to Configuration > Integrations > HaloPSA API',
    menuPath: ['Configuration', 'Integrations', 'HaloPSA API'],
    instructions: [
      'This page shows the API Details: Resource Server, Authorisation Server and Tenant. Stage D asks for them; the configuration form says which is which.',
    ],
    copyValues: [],
    openInHalo: 'halo-api',
    mistakes: [
      'Copying the Authorisation Server into the Resource Server field: they differ on some instances. Paste each into its own field; https:// and /api are removed for you.',
    ],
    checkedBy: null,
  },
  {
    id: 'application-create',
    number: 6,
    stage: 'application',
    title: 'Create an application',
    menuPath: ['Configuration', 'Integrations', 'HaloPSA API', 'Applications'],
    instructions: [
      'Steps 7 to 11 create one application for this integration. Give it a name that says what uses it.',
    ],
    copyValues: [{ label: 'Application name', value: SUGGESTED_APPLICATION_NAME }],
    openInHalo: null,
    mistakes: [
      'Sharing one application between several integrations: revoking or changing it for one breaks the others.',
    ],
    checkedBy: null,
  },
  {
    id: 'view-applications',
    number: 7,
    stage: 'application',
    title: 'Select View Applications',
    menuPath: ['Configuration', 'Integrations', 'HaloPSA API', 'View Applications'],
    instructions: ['On the HaloPSA API page, click View Applications.'],
    copyValues: [],
    openInHalo: 'applications',
    mistakes: [],
    checkedBy: null,
  },
  {
    id: 'application-new',
    number: 8,
    stage: 'application',
    title: 'Click New',
    menuPath: ['Configuration', 'Integrations', 'HaloPSA API', 'View Applications', 'New'],
    instructions: ['Click New (top right), enter the application name and make sure Active is ticked.'],
    copyValues: [{ label: 'Application name', value: SUGGESTED_APPLICATION_NAME }],
    openInHalo: null,
    mistakes: ['An application left inactive issues no tokens: tick Active.'],
    checkedBy: null,
  },
  {
    id: 'auth-method',
    number: 9,
    stage: 'application',
    title: `Choose the authentication method “${AUTH_METHOD}”`,
    menuPath: [
      'Configuration',
      'Integrations',
      'HaloPSA API',
      'View Applications',
      'New',
      'Authentication Method',
    ],
    instructions: [
      `Set Authentication Method to “${AUTH_METHOD}”. Set Login Type to Agent and choose the agent from step 3 as the agent to log in as.`,
      'Halo now shows the Client ID and the Client Secret. Paste both below: they go straight into stage D.',
    ],
    copyValues: [{ label: 'Authentication method', value: AUTH_METHOD }],
    openInHalo: null,
    mistakes: [
      'The Client ID may change after the application is saved. After saving in step 11, compare the Client ID Halo shows with the one pasted here.',
      'Halo shows the Client Secret only once. If it is lost, generate a new one.',
      'Another authentication method (Username and Password, Authorisation Code) does not work: this app signs in with the client-credentials grant.',
    ],
    checkedBy: 'application',
  },
  {
    id: 'permissions-tab',
    number: 10,
    stage: 'application',
    title: 'Open the Permissions tab',
    menuPath: ['Configuration', 'Integrations', 'HaloPSA API', 'View Applications', 'New', 'Permissions'],
    instructions: ['Still in the new application, open its Permissions tab.'],
    copyValues: [],
    openInHalo: null,
    mistakes: [],
    checkedBy: null,
  },
  {
    id: 'scope-all',
    number: 11,
    stage: 'application',
    title: 'Select “all” (or read:customers and all:teams)',
    menuPath: [
      'Configuration',
      'Integrations',
      'HaloPSA API',
      'View Applications',
      'New',
      'Permissions',
      'all',
    ],
    instructions: [
      'Select the permission “all” and save the application. Then check the Client ID once more (see step 9).',
      'Least privilege: instead of “all”, select only “read:customers” (reading customers) and “all:teams” (agents and teams). This app only reads; it asks for “all” first and for these two when Halo refuses “all”.',
    ],
    copyValues: [
      { label: 'Permission', value: REQUIRED_SCOPE },
      { label: 'Or these permissions', value: MINIMUM_SCOPE },
    ],
    openInHalo: null,
    mistakes: [
      'The permissions must be “all”, or both “read:customers” and “all:teams”. With less Halo still issues a token, and then refuses the API calls it does not cover with 401.',
    ],
    checkedBy: 'scope',
  },
  {
    id: 'agent-teams',
    number: 12,
    stage: 'teams',
    title: 'Go to Teams & Agents > Agents > (the API agent) > Departments & Teams',
    menuPath: ['Configuration', 'Teams & Agents', 'Agents', AGENT_PLACEHOLDER, 'Departments & Teams'],
    instructions: ['Open the API agent from step 3 and its Departments & Teams tab.'],
    copyValues: [],
    openInHalo: 'configuration',
    mistakes: ['Editing the teams of the person signed in instead of the API agent.'],
    checkedBy: null,
  },
  {
    id: 'teams-add',
    number: 13,
    stage: 'teams',
    title: 'Click Edit, and under Teams select Add',
    menuPath: ['Agents', AGENT_PLACEHOLDER, 'Departments & Teams', 'Edit', 'Teams', 'Add'],
    instructions: ['Click Edit. Under Teams, click Add.'],
    copyValues: [],
    openInHalo: null,
    mistakes: [],
    checkedBy: null,
  },
  {
    id: 'teams-select-all',
    number: 14,
    stage: 'teams',
    title: 'Select all of the teams and Save',
    menuPath: ['Agents', AGENT_PLACEHOLDER, 'Departments & Teams', 'Edit', 'Teams', 'Add', 'Save'],
    instructions: ['Tick every team in the list, confirm, and Save the agent.'],
    copyValues: [],
    openInHalo: null,
    mistakes: [
      'Missing a team hides its customers from the integration, without any error from Halo.',
      'Teams created later need adding too: run the check again after changing teams in Halo.',
    ],
    checkedBy: 'teams',
  },
];

export const TOTAL_STEPS = CHECKLIST.length;

/** Short names for the sidebar and the check list. */
export const CHECK_LABELS: Record<CheckId, string> = {
  agent: 'Agent',
  customers: 'Customers',
  application: 'Application',
  scope: 'Permissions',
  teams: 'Teams',
};

export function stageOf(id: StageId): Stage {
  const stage = STAGES.find((candidate) => candidate.id === id);
  if (!stage) throw new Error(`unknown stage ${id}`);
  return stage;
}

export function stepsOf(stage: StageId): ChecklistStep[] {
  return CHECKLIST.filter((step) => step.stage === stage);
}

export function stepById(id: StepId): ChecklistStep {
  const step = CHECKLIST.find((candidate) => candidate.id === id);
  if (!step) throw new Error(`unknown step ${id}`);
  return step;
}

/** The step whose instructions a check confirms (and reopens when it fails). */
export function stepCheckedBy(check: CheckId): ChecklistStep {
  const step = CHECKLIST.find((candidate) => candidate.checkedBy === check);
  if (!step) throw new Error(`no step is checked by ${check}`);
  return step;
}

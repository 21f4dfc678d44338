import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from './build-api';

// Only named functions cross the bridge; ipcRenderer itself never does.
contextBridge.exposeInMainWorld('api', buildApi(ipcRenderer));

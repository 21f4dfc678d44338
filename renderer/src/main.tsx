import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// First: the tokens, reset and shared primitives; each screen's and component's own CSS comes after.
import './styles.css';
import { App } from './App';
// Last: the status tones, which must win over the components' neutral colours.
import './tones.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

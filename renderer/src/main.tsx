import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// First: the tokens, reset and shared primitives; each screen's and component's own CSS comes after.
import './styles.css';
import { App } from './App';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

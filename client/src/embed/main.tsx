import '@fontsource/be-vietnam-pro/vietnamese-400.css';
import '@fontsource/be-vietnam-pro/latin-400.css';
import '../styles.css';
import './embed.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EmbedApp } from './EmbedApp.tsx';
import { readEmbedOptions } from './embed-options.ts';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from embed.html');
createRoot(root).render(
  <StrictMode>
    <EmbedApp options={readEmbedOptions(window.location.search)} />
  </StrictMode>,
);

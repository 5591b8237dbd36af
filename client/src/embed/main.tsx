import '@fontsource/be-vietnam-pro/vietnamese-400.css';
import '@fontsource/be-vietnam-pro/latin-400.css';
import '../styles.css';
import './embed.css';
import { options as preactOptions } from 'preact';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EmbedApp } from './EmbedApp.tsx';
import { prefetch } from './embed-api.ts';
import { DEFAULT_PROVINCE, readEmbedOptions } from './embed-options.ts';

// The embed's build runs these components on Preact (vite.config.ts), which by default runs effects
// on the next animation frame. The map is made, then given its sources and layers, in a chain of
// effects (@vis.gl/react-maplibre): a frame each, and a frame of a busy map is long. Run them just
// after the commit instead, as React does. (In a dev build, on React, this sets an unused option.)
preactOptions.requestAnimationFrame = (callback) => setTimeout(callback);

const options = readEmbedOptions(window.location.search);
// The province's record and clusters, asked for now rather than from React's first effects: the
// answers are in by the first render, and the map is made once, where and with what it shows.
prefetch(options.province ?? DEFAULT_PROVINCE);

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from embed.html');
createRoot(root).render(
  <StrictMode>
    <EmbedApp options={options} />
  </StrictMode>,
);

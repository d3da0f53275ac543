import { createDevApp } from '@backstage/frontend-dev-utils';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import goldenPathPlugin from '../src/alpha';

// Run with `yarn start` in this folder against a backend on :7007.
createDevApp({ features: [catalogPlugin, goldenPathPlugin] });

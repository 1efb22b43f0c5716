import { loadPageMessages } from '../i18n';

// Unit tests mount pages without the router, whose guard loads the texts of every page beyond the first screen
// (i18n/index.ts): they are put in place before each test file, as the router does before a page renders.
await loadPageMessages();

// The site's one script, run on every page: the code tabs, the copy buttons, the table of contents,
// the phone menu and the search's launcher (the search itself loads when it is opened).
import '../components/internal/code-tabs-element.ts';
import '../components/internal/client-copy.ts';
import '../components/internal/site-search-element.ts';
import './client-toc.ts';
import './client-menu.ts';

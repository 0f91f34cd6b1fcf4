// `tsc` reads the .ts files that import .astro components (the components barrel) but cannot read
// .astro files themselves, which `astro check` types; this gives their default export a type there.
declare module '*.astro' {
  import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
  const Component: AstroComponentFactory;
  export default Component;
}

// The code palette's stylesheet, made at build time by docs/integrations/code-highlight.ts.
declare module 'virtual:rr-code-palette.css' {}

// The CSS that shows the chosen language's panels, made from the languages' list (astro.config.mjs).
declare module 'virtual:rr-languages.css' {}

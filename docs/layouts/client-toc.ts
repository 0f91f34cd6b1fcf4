// The table of contents in the browser: marks the entry of the section being read (the last
// heading in or above the top third of the screen).
const links = [...document.querySelectorAll<HTMLAnchorElement>('.toc a')];
const headings = links.map((link) => document.getElementById(decodeURIComponent(link.hash.slice(1))));
let pending = false;

/** Marks the entry of the last heading in or above the top third of the screen. */
function markCurrent(): void {
  pending = false;
  let current = 0;
  headings.forEach((heading, index) => {
    if (heading && heading.getBoundingClientRect().top < innerHeight / 3) current = index;
  });
  links.forEach((link, index) => {
    if (index === current) link.setAttribute('aria-current', 'location');
    else link.removeAttribute('aria-current');
  });
}

if (links.length > 0) {
  addEventListener(
    'scroll',
    () => {
      if (!pending) requestAnimationFrame(markCurrent);
      pending = true;
    },
    { passive: true },
  );
  markCurrent();
}

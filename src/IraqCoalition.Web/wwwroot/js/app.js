// Small page helpers called through Blazor JS interop.
window.iqc = {
  scrollToFirst(selector) {
    const el = document.querySelector(selector);
    if (el) {
      el.scrollIntoView({ block: 'center' });
    }
  },
};

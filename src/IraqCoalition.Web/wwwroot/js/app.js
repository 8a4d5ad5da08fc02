// Small page helpers called through Blazor JS interop.
window.iqc = {
  // The reader's theme choice, kept in this browser: "dark", "light", or null when never chosen.
  storedTheme() {
    try {
      return window.localStorage.getItem('iqc-theme');
    } catch {
      return null;
    }
  },
  storeTheme(theme) {
    try {
      window.localStorage.setItem('iqc-theme', theme);
    } catch {
      // Storage refused (private mode, quota): the choice lasts for this page only.
    }
  },
  // The current selection inside the container as article offsets, or null. Each paragraph carries
  // data-offset (where it starts in the article) and renders the article's text exactly, so the
  // length of the text from the paragraph's start to a boundary is that boundary's offset.
  selectionOffsets(containerSelector) {
    const sel = window.getSelection();
    const container = document.querySelector(containerSelector);
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed || !container) {
      return null;
    }
    const range = sel.getRangeAt(0);
    const at = (node, offset) => {
      const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
      const paragraph = element && element.closest('[data-offset]');
      if (!paragraph || !container.contains(paragraph)) {
        return null;
      }
      const before = document.createRange();
      before.setStart(paragraph, 0);
      before.setEnd(node, offset);
      return Number(paragraph.dataset.offset) + before.toString().length;
    };
    const start = at(range.startContainer, range.startOffset);
    const end = at(range.endContainer, range.endOffset);
    return start === null || end === null || end <= start ? null : { start, end };
  },
  scrollToFirst(selector) {
    const el = document.querySelector(selector);
    if (el) {
      el.scrollIntoView({ block: 'center' });
    }
  },
};

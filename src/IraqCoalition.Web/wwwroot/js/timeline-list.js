// Brings a row of the virtualised event list into view (a deep link or a click on the axis opened an
// event the reader may not have scrolled to). Rows share one height, so the row's offset is known
// before Blazor has rendered it; rows already in view stay where they are.
export function scrollToRow(scroller, index, rowHeight) {
  if (!scroller) {
    return;
  }
  const top = index * rowHeight;
  let tries = 0;
  const attempt = () => {
    // Virtualize sizes its spacers once it knows the item count: until then the list is too short to scroll.
    if (scroller.scrollHeight < top + rowHeight && tries++ < 40) {
      setTimeout(attempt, 50);
      return;
    }
    if (top >= scroller.scrollTop && top + rowHeight <= scroller.scrollTop + scroller.clientHeight) {
      return;
    }
    scroller.scrollTop = Math.max(0, top - rowHeight);
  };
  attempt();
}

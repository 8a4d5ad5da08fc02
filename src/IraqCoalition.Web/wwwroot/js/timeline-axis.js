// Thin bridge between the Blazor timeline page and vis-timeline (loaded on demand: it is 550 KB and
// only this page needs it).
const timelines = new WeakMap();
let loading;

function loadVis() {
  if (window.vis && window.vis.Timeline) {
    return Promise.resolve(window.vis);
  }
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = 'lib/vis-timeline/vis-timeline-graph2d.min.js';
    script.onload = () => resolve(window.vis);
    script.onerror = () => reject(new Error('vis-timeline could not be loaded'));
    document.head.appendChild(script);
  });
  return loading;
}

function toItem(e) {
  const item = {
    id: e.id,
    group: e.group,
    content: e.content,
    title: e.title,
    start: e.start,
    className: e.className,
    type: 'point',
  };
  if (e.end) {
    // Uncertain dates are drawn as the whole interval they may fall in.
    item.end = e.end;
    item.type = 'range';
  }
  return item;
}

// Pans and zooms end in a burst of events; the server hears of the window once the reader stops.
const windowDelayMs = 300;

function isoDay(date) {
  return new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
}

export async function render(element, events, groups, dotnet, fit) {
  const vis = await loadVis();
  const items = new vis.DataSet(events.map(toItem));
  const lanes = new vis.DataSet(groups.map(g => ({ id: g.id, content: g.content })));
  let state = timelines.get(element);
  if (!state) {
    const timeline = new vis.Timeline(element, items, lanes, {
      stack: true,
      zoomMin: 1000 * 60 * 60 * 24,          // one day
      zoomMax: 1000 * 60 * 60 * 24 * 365 * 20, // twenty years
      orientation: 'top',
      margin: { item: 6 },
      maxHeight: 420,          // many stacked items scroll inside the axis instead of pushing the list away
      tooltip: { followMouse: true },
    });
    state = { timeline, dotnet };
    timeline.on('select', props => {
      if (props.items.length > 0) {
        state.dotnet.invokeMethodAsync('OnItemSelected', Number(props.items[0]));
      }
    });
    timeline.on('rangechanged', props => {
      if (!props.byUser) {
        return;
      }
      clearTimeout(state.windowTimer);
      state.windowTimer = setTimeout(() => {
        state.dotnet.invokeMethodAsync('OnWindowChanged', isoDay(props.start), isoDay(props.end));
      }, windowDelayMs);
    });
    timelines.set(element, state);
  } else {
    state.dotnet = dotnet;
    state.timeline.setGroups(lanes);
    state.timeline.setItems(items);
  }
  if (fit !== false && events.length > 0) {
    state.timeline.fit({ animation: false });
  }
  element.dataset.rendered = String(events.length);
}

export function select(element, id) {
  const state = timelines.get(element);
  if (state && id !== null && id !== undefined) {
    state.timeline.setSelection([id], { focus: true });
  }
}

export function dispose(element) {
  const state = timelines.get(element);
  if (state) {
    clearTimeout(state.windowTimer);
    state.timeline.destroy();
    timelines.delete(element);
  }
}

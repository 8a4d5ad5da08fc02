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

// vis-timeline puts string content, lane labels and tooltips into innerHTML; actor names and labels
// come from articles and editors, so they go in as text nodes and markup in them stays text.
function text(value) {
  const span = document.createElement('span');
  span.textContent = value ?? '';
  return span;
}

function toItem(e) {
  const item = {
    id: e.id,
    group: e.group,
    content: text(e.content),
    title: text(e.title),
    start: e.start,
    className: e.className,
    type: e.type,
  };
  if (e.end) {
    item.end = e.end;
  }
  return item;
}

// The days an uncertain date may fall in, drawn behind its point as a light band in its lane; a band is
// not an event, so its id is not a number and selecting it does nothing.
function toBand(e) {
  return { id: `band-${e.id}`, group: e.group, start: e.bandStart, end: e.bandEnd, type: 'background', className: 'uncertain-band' };
}

function toItems(events) {
  return events.map(toItem).concat(events.filter(e => e.bandStart && e.bandEnd).map(toBand));
}

// Past this many items the axis groups overlapping ones into clusters ("12 events"; double-click to zoom in):
// hundreds of stacked labels are unreadable, while a few dozen read best one by one.
const clusterAbove = 150;

// Pans and zooms end in a burst of events; the server hears of the window once the reader stops.
const windowDelayMs = 300;

function isoDay(date) {
  return new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
}

export async function render(element, events, groups, dotnet, fit, days) {
  const vis = await loadVis();
  const items = new vis.DataSet(toItems(events));
  const lanes = new vis.DataSet(groups.map(g => ({ id: g.id, content: text(g.content) })));
  let state = timelines.get(element);
  if (!state) {
    const timeline = new vis.Timeline(element, items, lanes, {
      stack: true,
      // A week at the closest: events are dated to the day, and a narrower window only shows hours.
      zoomMin: 1000 * 60 * 60 * 24 * 7,
      zoomMax: 1000 * 60 * 60 * 24 * 365 * 20, // twenty years
      orientation: 'top',
      margin: { item: 6 },
      maxHeight: 300,          // many stacked items scroll inside the axis instead of pushing the list away
      tooltip: { followMouse: true },
    });
    state = { timeline, dotnet };
    timeline.on('select', props => {
      // A cluster's id is not an event id: selecting it does nothing, double-clicking zooms into it.
      const id = props.items.length > 0 ? Number(props.items[0]) : NaN;
      if (Number.isInteger(id)) {
        state.dotnet.invokeMethodAsync('OnItemSelected', id);
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
  state.timeline.setOptions({
    cluster: events.length > clusterAbove ? { maxItems: 1, showStipes: true, fitOnDoubleClick: true, titleTemplate: '{count} events: double-click to zoom in' } : false,
  });
  if (fit !== false && days && days.start && days.end) {
    // The reader chose the days: show those, not just the days that happen to have events.
    state.timeline.setWindow(days.start, days.end, { animation: false });
  } else if (fit !== false && events.length > 0) {
    state.timeline.fit({ animation: false });
  }
  // What is drawn, for people inspecting the page and for the browser tests.
  element.dataset.rendered = String(events.length);
  element.dataset.last = events.reduce((last, e) => (e.start > last ? e.start : last), '');
  const shown = state.timeline.getWindow();
  element.dataset.window = `${isoDay(shown.start)}/${isoDay(shown.end)}`;
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

// Fetches an export and hands it to the browser as a download, so the page can show progress
// while the server renders (a plain link gives no sign of life during a PDF render) and show the
// server's own explanation when an export fails.
function fileName(disposition) {
  if (!disposition) {
    return null;
  }
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    return decodeURIComponent(star[1]);
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : null;
}

export async function download(url) {
  let response;
  try {
    response = await fetch(url, { credentials: 'same-origin', cache: 'no-store' });
  } catch (e) {
    return { ok: false, message: `The server could not be reached (${e.message}).` };
  }
  if (!response.ok) {
    const text = (await response.text()).trim();
    return { ok: false, message: text || `${response.status} ${response.statusText}` };
  }
  const blob = await response.blob();
  const name = fileName(response.headers.get('Content-Disposition')) || 'briefing';
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked later: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(href), 60000);
  return { ok: true, message: name, bytes: blob.size };
}

// The camera calibration a chart photo gives (the answer's `reference.camera`), kept in this
// browser so that later grey-card photos with the same phone under the same light can send it
// back. It describes the camera and the room's light, nothing about the client.

const KEY = 'smpshade.cameraCalibration';

/** The saved calibration {camera, savedAt}, or null. */
export function savedCalibration() {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) || 'null');
    return saved && saved.camera && Array.isArray(saved.camera.y) ? saved : null;
  } catch {
    return null; // storage blocked or the entry damaged: as if none
  }
}

/** Keeps a chart answer's camera; false when the browser refuses storage. */
export function saveCalibration(camera) {
  try {
    localStorage.setItem(KEY, JSON.stringify({ camera, savedAt: new Date().toISOString() }));
    return true;
  } catch {
    return false;
  }
}

export function forgetCalibration() {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing to forget
  }
}

/** "24 Nov 2026, 15:40" in the reader's locale. */
export function savedWhen(saved) {
  const when = new Date(saved.savedAt);
  return Number.isNaN(when.getTime()) ? 'earlier' : when.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

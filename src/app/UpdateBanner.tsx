import { useRegisterSW } from 'virtual:pwa-register/react';

/**
 * The service worker precaches the app. A new version never reloads under the clinician:
 * it waits here until they choose to update (after finishing the visit they are entering).
 */
export function UpdateBanner() {
  const {
    offlineReady: [offlineReady, setOfflineReady],
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW();

  if (needRefresh) {
    return (
      <div className="banner banner-info no-print" role="status">
        A new version of Trajectory is ready. Your data and drafts are kept.{' '}
        <button type="button" onClick={() => void updateServiceWorker(true)}>
          Update now
        </button>{' '}
        <button type="button" className="secondary" onClick={() => setNeedRefresh(false)}>
          Later
        </button>
      </div>
    );
  }
  if (offlineReady) {
    return (
      <div className="banner banner-info no-print" role="status">
        Trajectory is installed on this device and works without a network.{' '}
        <button type="button" className="secondary" onClick={() => setOfflineReady(false)}>
          OK
        </button>
      </div>
    );
  }
  return null;
}

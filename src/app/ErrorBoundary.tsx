import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What this boundary guards, in words: 'this screen', 'the app'. */
  readonly what: string;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
  readonly exported: string | null;
}

const describe = (error: unknown): Error =>
  error instanceof Error ? error : new Error(typeof error === 'string' ? error : 'Unknown error');

/**
 * A failure while drawing a screen never leaves a blank page: it says what failed and what
 * to do (reload, export a backup first, report it with the details shown). The rest of the
 * app (header, database banner) keeps working, because each screen has its own boundary.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, exported: null };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: describe(error) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Kept in the console for a report; nothing leaves the device.
    console.error('Trajectory: a screen failed', error, info.componentStack);
  }

  private readonly exportNow = async () => {
    try {
      // Loaded on demand, like the data page: the first chunk carries no backup code.
      const { exportBackupFile, recordBackupSaved } = await import('../db/backup/export-stream');
      const file = await exportBackupFile();
      if (!file.ok) {
        this.setState({ exported: `The backup could not be made: ${file.reason}` });
        return;
      }
      const url = URL.createObjectURL(file.value.blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = file.value.fileName;
      a.click();
      URL.revokeObjectURL(url);
      // Recorded only once the file has been handed to the browser.
      await recordBackupSaved(file.value);
      this.setState({ exported: `Backup saved as ${file.value.fileName}.` });
    } catch (error) {
      this.setState({ exported: `The backup could not be made: ${describe(error).message}` });
    }
  };

  override render() {
    const { error, exported } = this.state;
    if (!error) return this.props.children;
    const details = `${error.name}: ${error.message}\nPage: ${window.location.hash || '#/'}\nBrowser: ${navigator.userAgent}`;
    return (
      <div className="card error-screen" role="alert">
        <h1>Something went wrong in {this.props.what}</h1>
        <p>
          <strong>What failed:</strong> {error.name}: {error.message}
        </p>
        <p>Everything already saved is still stored on this device. What to do:</p>
        <ol>
          <li>
            <button type="button" onClick={() => window.location.reload()}>
              Reload the page
            </button>
          </li>
          <li>
            If it happens again, keep a copy of your data first:{' '}
            <button type="button" className="secondary" onClick={() => void this.exportNow()}>
              Export a backup
            </button>
            {exported && <span role="status"> {exported}</span>}
          </li>
          <li>
            Report it to whoever supports Trajectory in your clinic, with these details (they hold
            no patient data):
            <pre className="error-details">{details}</pre>
          </li>
        </ol>
        <p>
          <a href="#/" onClick={() => this.setState({ error: null })}>
            Go to the patient list
          </a>
        </p>
      </div>
    );
  }
}

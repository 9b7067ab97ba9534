import { Component, type ReactNode } from 'react';
import { ErrorBox } from './status.tsx';

// A failed lazy chunk or a render error shows a message in the page instead of a blank screen.
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    return this.state.error ? <ErrorBox error={this.state.error} /> : this.props.children;
  }
}

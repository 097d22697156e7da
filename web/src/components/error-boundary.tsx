// A render error in one screen shows a Chinese message instead of blanking the whole workbench.
import { Component, type ReactNode } from 'react';
import { Alert, Button } from 'antd';
import { t } from '../i18n.js';

export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidUpdate(prev: { resetKey?: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Alert
        style={{ margin: 24 }}
        type="error"
        showIcon
        message={t('common.error', { msg: this.state.error.message })}
        action={<Button size="small" onClick={() => this.setState({ error: null })}>{t('common.refresh')}</Button>}
        data-testid="screen-error"
      />
    );
  }
}
